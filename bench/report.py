#!/usr/bin/python3
"""Turn the raw results into bench/results.md and the chart's data.

Usage: report.py --results DIR --md results.md --machine machine.txt
The chart data (prompt-MODE.dat for each workload, binary.dat) is written
into DIR for bench/chart.gp.
"""
import argparse
import csv
import json
import os

VARIANTS = ["none", "true-cd", "apply", "true-all", "vswitch", "direnv"]
HEAD = {"none": "no hook", "true-cd": "`/bin/true` on $PWD change",
        "apply": "`/bin/true` + apply", "true-all": "`/bin/true` every prompt",
        "vswitch": "vswitch", "direnv": "direnv"}
# The workloads, their row label, and the hook vswitch is measured against.
MODES = [("cd", "enter/leave", "true-cd"), ("within", "within a project", "true-cd"),
         ("outside", "outside any project", "true-cd"), ("idle", "idle", "true-all")]
# The targets on costs (the bounds below, the ratio to direnv,
# the idle cost) are set for bash, zsh and fish: for the other shells
# the targets listed are those on process counts. The bounds on
# vswitch's hook cost over the baseline's, per workload.
COST_TARGETS = {"bash", "zsh", "fish"}
BOUND = {"cd": {"bash": 1.0, "zsh": 1.0, "fish": 1.0},
         "within": {"bash": 0.2, "zsh": 0.2, "fish": 0.5},
         "outside": {"bash": 0.2, "zsh": 0.2, "fish": 0.5}}

BINARY_DOC = {
    "true": "`/bin/true` (Debian's, dynamically linked): the floor for starting any program",
    "deep": "`vswitch export bash` 12 levels below the project root, no env active yet "
            "(prints the activation), no config file",
    "root": "the same at the project root",
    "outside": "the same outside any project (walks up to `/`, prints nothing)",
    "outside-deep": "the same 12 levels further down, outside any project: "
                    "every source asked at every level up to `/`",
    "deep-active": "at depth 12 with the project's env already active "
                   "(a `cd` inside the project: prints nothing)",
    "deep-config": "at depth 12 with a config file that sets every key to its default",
    "deep-ignore10": "at depth 12 with a config file holding 10 `ignore` regexes "
                     "(none matches)",
    "direnv-deep": "`direnv export bash` at depth 12 (what direnv's hook runs before "
                   "every prompt), for reference",
    "poetry-deep": "`vswitch export bash` 12 levels below a poetry project whose env "
                   "poetry made in its cache: the name computed from pyproject.toml "
                   "and the folder's path, poetry not run",
    "poetry-env-info": "`poetry env info -p` in the same folder: poetry's own lookup "
                       "of the same env (what a hook that asks poetry would run), 10 runs",
    "pipenv-deep": "`vswitch export bash` 12 levels below a Pipfile project whose env "
                   "pipenv made in WORKON_HOME, pipenv not run",
    "pipenv-venv": "`pipenv --venv` in the same folder: pipenv's own lookup (PIPENV_MAX_DEPTH=13, as pipenv looks only 3 folders up by default), 10 runs",
}


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def ms(v, digits=2):
    return "–" if v is None else "%.*f" % (digits, v)


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def code(text):
    """text as inline code, in as many backquotes as it needs."""
    n = 1
    while "`" * n in text:
        n += 1
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return "%s%s%s%s%s" % ("`" * n, pad, text, pad, "`" * n)


def cell_md(text):
    """Markdown text made safe in a table cell (a | would end it, also
    inside code)."""
    return text.replace("|", "\\|").replace("\n", "<br>")


def fmt_ratio(r):
    return "–" if r is None else "%.3f×" % r


def verdict(ok):
    return "**holds**" if ok else "**does not hold**"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--md", required=True)
    p.add_argument("--machine", required=True)
    p.add_argument("--chart", default="chart.png")
    p.add_argument("--binary-runs", default="the")
    a = p.parse_args()
    rdir = a.results

    with open(os.path.join(rdir, "prompt.json")) as f:
        prompt = json.load(f)
    meta = prompt["meta"]
    cell = {}
    for r in prompt["results"]:
        cell[(r["shell"], r["mode"], r["variant"])] = r
    shells = []
    for r in prompt["results"]:
        if r["shell"] not in shells:
            shells.append(r["shell"])

    def cost(shell, mode, variant):
        r = cell.get((shell, mode, variant))
        return None if r is None else r["median"] * 1e3

    def over(shell, mode, variant):
        c, base = cost(shell, mode, variant), cost(shell, mode, "none")
        return None if c is None or base is None else c - base

    def cpu(shell, mode, variant):
        r = cell.get((shell, mode, variant))
        return None if r is None or r.get("cpu_median") is None else r["cpu_median"] * 1e3

    def cpu_over(shell, mode, variant):
        c, base = cpu(shell, mode, variant), cpu(shell, mode, "none")
        return None if c is None or base is None else c - base

    out = []
    w = out.append
    with open(a.machine) as f:
        machine = f.read().strip()
    sinfo = meta.get("shells", {})
    versions = ", ".join(sinfo[s]["version"] for s in shells if s in sinfo)
    if versions:
        machine += "\nshells:   " + versions
    w("# vswitch benchmark results\n")
    w("Written by `make bench` (bench/run.sh). Re-run it on a quiet machine "
      "before quoting wall-clock figures: they move with load, while the "
      "instruction counts (callgrind) and the process counts do not.\n")
    w("![per-prompt cost and instruction counts](%s)\n" % a.chart)
    w("## Machine\n")
    w("```\n%s\n```\n" % machine)

    # ---- prompts ----------------------------------------------------
    w("## Per-prompt cost in an interactive shell\n")
    w("Each figure is the median over %d runs of the wall time per prompt "
      "(ms) in a real interactive shell on a pseudo-terminal, typing %d lines "
      "and waiting for each prompt; the shell's start-up is not timed. In "
      "parentheses: the cost above the same shell with no hook (the hook's "
      "own cost); ratios are of these hook costs.\n" % (meta["reps"], meta["lines"]))
    w("- **enter/leave**: the lines alternate `cd DEEP` (12 levels below the "
      "root of a project with a `venv/`) and `cd OUT` (outside any project), "
      "so each prompt follows entering or leaving the project.")
    w("- **within a project**: the lines alternate `cd DEEP` and `cd DEEP2`, "
      "its sibling: the env stays active.")
    w("- **outside any project**: the lines alternate `cd OUT` and `cd OUT2`, "
      "12 levels below it; no env.")
    w("- **idle**: empty lines in DEEP, with the env active.\n")
    w("Each shell runs pinned to one CPU (`taskset -c 0`). Each workload "
      "also has a table of CPU time per prompt: the user and system time of "
      "the shell and of the programs it ran and waited for, from "
      "`/proc/PID/stat` (10 ms ticks, over the whole run). Load on the "
      "machine moves it less than wall time, so its ratios are the ones to "
      "read on a busy machine; what a program leaves running (direnv, "
      "elvish's daemon) is not in it.\n")
    w("What each column is:\n")
    for v in VARIANTS:
        w("- **%s**: %s." % (HEAD[v], meta["variants"][v]))
    w("")
    w("Every shell starts as `env -i` with a fresh HOME, `TERM=xterm-256color`, "
      "and an rc file that sets only a prompt of its own and the hook. "
      "The hooks, shell by shell (the `/bin/true` hooks have the shape of "
      "vswitch's: the same events, the same way of running a program and "
      "evaluating its output):\n")
    w("| shell | started as | vswitch's hook, and `/bin/true` on $PWD change: "
      "where it runs, how it runs the program | `/bin/true` every prompt |")
    w("|---|---|---|---|")
    for s in shells:
        i = sinfo.get(s)
        if i:
            w("| %s | %s | %s | %s |" % (s, cell_md(i["started"]), cell_md(i["on_cd"]),
                                         cell_md(i["every"])))
    w("")
    w("| shell | vswitch's set-up line | direnv's |")
    w("|---|---|---|")
    for s in shells:
        i = sinfo.get(s)
        if i:
            w("| %s | %s | %s |" % (s, cell_md(code(i["vswitch"])),
                                    cell_md(code(i["direnv"]) + (", " + i["direnv_note"]
                                                                 if i.get("direnv_note") else ""))
                                    if i["direnv"] else
                                    "– (direnv has no hook for %s: not run)" % s))
    w("")
    # the shells whose hook runs the binary at each cd by design, and why
    cd_runs = {s: sinfo[s]["cd_runs_binary"] for s in shells
               if sinfo.get(s, {}).get("cd_runs_binary")}
    for s, why in cd_runs.items():
        w("%s, so vswitch's %s hook runs the binary at every `cd` by design "
          "(the other hooks only when something they watch changed).\n" % (why, s))
    def cost_table(mode, base, get, get_over, with_direnv):
        """One workload's table of a per-prompt figure (get) and the hook's
        part of it (get_over), with vswitch's ratios."""
        w("| shell | %s | vswitch ÷ `/bin/true` %s |%s" %
          (" | ".join(HEAD[v] for v in VARIANTS),
           "every prompt" if base == "true-all" else "on $PWD change",
           " vswitch ÷ direnv |" if with_direnv else ""))
        w("|---|%s---|%s" % ("---|" * len(VARIANTS), "---|" if with_direnv else ""))
        for s in shells:
            cells = []
            for v in VARIANTS:
                c, o = get(s, mode, v), get_over(s, mode, v)
                cells.append(ms(c) if v == "none" or c is None or o is None else
                             "%s (%+.2f)" % (ms(c), o))
            rs = [ratio(get_over(s, mode, "vswitch"), get_over(s, mode, base))]
            if with_direnv:
                rs.append(ratio(get_over(s, mode, "vswitch"), get_over(s, mode, "direnv")))
            w("| %s | %s | %s |" % (s, " | ".join(cells), " | ".join(fmt_ratio(r) for r in rs)))
        w("")

    for mode, label, base in MODES:
        w("### Per prompt, %s\n" % label)
        cost_table(mode, base, cost, over, with_direnv=True)
        w("CPU time per prompt (ms): the shell's and that of the programs it "
          "ran, as above, median of the same runs:\n")
        cost_table(mode, base, cpu, cpu_over, with_direnv=False)
        w("Processes started per prompt (`fork` / `exec`):\n")
        w("| shell | %s |" % " | ".join(HEAD[v] for v in VARIANTS))
        w("|---|%s" % ("---|" * len(VARIANTS)))
        for s in shells:
            cells = []
            for v in VARIANTS:
                r = cell.get((s, mode, v))
                cells.append("–" if r is None or r.get("forks") is None else
                             "%.1f / %.1f" % (r["forks"], r["execs"]))
            w("| %s | %s |" % (s, " | ".join(cells)))
        w("")
    w("The processes are counted with `strace -f` in a separate run of %d "
      "lines per configuration: each fork (or clone that is not a thread) "
      "and each successful exec, divided by the lines; a program started "
      "with fork then exec counts 1 / 1. – where the configuration did not "
      "run.\n" % meta["count_lines"])
    proj = meta["deep"]
    for _ in range(12):
        proj = os.path.dirname(proj)
    expect = proj + "/venv"
    bad = [(s, v, r.get("virtual_env")) for (s, mode, v), r in cell.items()
           if v in ("vswitch", "direnv") and r.get("virtual_env") != expect]
    bad = sorted(set(bad))
    checked = ["%s (vswitch%s)" % (s, ", direnv" if any(k[0] == s and k[2] == "direnv"
                                                        for k in cell) else "")
               for s in shells]
    if bad:
        w("**Check failed**: after `cd DEEP`, VIRTUAL_ENV was not `%s` in: %s\n"
          % (expect, ", ".join("%s/%s (%r)" % b for b in bad)))
    else:
        w("Check: after `cd DEEP`, VIRTUAL_ENV was `%s` in every vswitch and "
          "direnv shell: %s.\n" % (expect, ", ".join(checked)))

    # ---- binary ------------------------------------------------------
    binary = read_tsv(os.path.join(rdir, "binary.tsv"))
    bmap = {r["scenario"]: r for r in binary}
    true_ir = num(bmap.get("true", {}).get("instructions"))
    w("## The binary alone\n")
    w("Wall time: hyperfine, no shell in between, median of %s runs. "
      "Instructions: `valgrind --tool=callgrind`, whole process from "
      "`execve` to exit. Peak RSS: GNU time (`%%M`). System calls: `strace -f`, "
      "all of them, including those of start-up.\n" % a.binary_runs)
    w("| scenario | median ms | instructions | ÷ `/bin/true` | peak RSS (KiB) | syscalls | of which stat | output bytes |")
    w("|---|---|---|---|---|---|---|---|")
    for r in binary:
        ir = num(r["instructions"])
        w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["scenario"], ms(num(r["median_ms"])),
            "–" if ir is None else "{:,}".format(int(ir)),
            fmt_ratio(ratio(ir, true_ir)), r["peak_rss_kb"], r["syscalls"],
            r["stat_calls"], r["output_bytes"]))
    w("")
    for r in binary:
        w("- **%s**: %s." % (r["scenario"], BINARY_DOC.get(r["scenario"], "")))
    deep, root = bmap.get("deep"), bmap.get("root")
    if deep and root:
        per = (float(deep["syscalls"]) - float(root["syscalls"])) / 12
        w("\nSystem calls per directory level walked: %.1f "
          "(deep minus root, over 12 levels): an `open` of the folder, one "
          "`fstatat` in it for each name any source looks for (8 with the "
          "default config), and a `close`.\n" % per)

    # ---- list and completion ----------------------------------------
    lst = read_tsv(os.path.join(rdir, "list.tsv"))
    w("## `vswitch list` and completion, 5,000 envs\n")
    if not lst:
        w("Not measured: this build has no `vswitch list` (the section runs "
          "when `vswitch list` exits 0).\n")
    else:
        w("`list`: hyperfine, as above. Completion: the bash completion "
          "function from `completions/vswitch.bash`, timed inside a running "
          "bash with `$EPOCHREALTIME` (the delay a user sees after <Tab>), "
          "median of 30 calls (fewer with BENCH_QUICK=1).\n")
        w("| scenario | median ms | instructions | peak RSS (KiB) | syscalls | items |")
        w("|---|---|---|---|---|---|")
        for r in lst:
            ir = num(r["instructions"])
            w("| %s | %s | %s | %s | %s | %s |" % (
                r["scenario"], ms(num(r["median_ms"])),
                "–" if ir is None else "{:,}".format(int(ir)),
                r["peak_rss_kb"], r["syscalls"], r["items"]))
        w("")

    # ---- targets -----------------------------------------------------
    w("## Targets\n")
    w("| target | measured | verdict |")
    w("|---|---|---|")
    for s in shells:
        for mode, label, _ in MODES[:3]:
            bound = BOUND[mode].get(s)
            if bound is None:
                continue
            r1 = ratio(max(over(s, mode, "vswitch") or 0.0, 0.0), over(s, mode, "true-cd"))
            w("| %s, %s: hook cost ≤ %.1f× the `/bin/true` hook | %s | %s |" %
              (s, label, bound, fmt_ratio(r1), verdict(r1 is not None and r1 <= bound)))
        for mode, label, _ in MODES[1:3]:
            r = cell.get((s, mode, "vswitch"), {})
            forks = r.get("forks")
            w("| %s, %s: a cd starts no process | %s processes per prompt | %s |" %
              (s, label, "–" if forks is None else "%.1f" % forks,
               "does not apply: the %s hook runs the binary at each cd, by design" % s
               if s in cd_runs else verdict(forks == 0)))
        if s in COST_TARGETS and (s, "cd", "direnv") in cell:
            r2 = ratio(over(s, "cd", "vswitch"), over(s, "cd", "direnv"))
            w("| %s: enter/leave hook cost ≤ 0.1× direnv's | %s | %s |" %
              (s, fmt_ratio(r2), verdict(r2 is not None and r2 <= 0.1)))
        r = cell.get((s, "idle", "vswitch"), {})
        forks = r.get("forks")
        w("| %s: idle prompt starts no process | %s processes per prompt | %s |" %
          (s, "–" if forks is None else "%.1f" % forks, verdict(forks == 0)))
        if s in COST_TARGETS:
            o, b = over(s, "idle", "vswitch"), over(s, "idle", "true-all")
            r3 = ratio(max(o, 0.0) if o is not None else None, b)
            w("| %s: idle hook cost ≤ 0.05× the every-prompt `/bin/true` hook | %+.3f ms vs %+.3f ms (%s) | %s |" %
              (s, o or 0, b or 0, fmt_ratio(r3), verdict(r3 is not None and r3 <= 0.05)))
    d = bmap.get("deep", {})
    ir = num(d.get("instructions"))
    w("| `export bash` at depth 12: fewer instructions than `/bin/true` | %s vs %s | %s |" %
      ("{:,}".format(int(ir)) if ir else "–", "{:,}".format(int(true_ir)) if true_ir else "–",
       verdict(ir is not None and true_ir is not None and ir < true_ir)))
    rss = num(d.get("peak_rss_kb"))
    w("| `export bash` at depth 12: peak RSS ≤ 2 MB | %s KiB | %s |" %
      ("–" if rss is None else int(rss), verdict(rss is not None and rss <= 2048)))
    comp = [r for r in lst if r["scenario"] == "complete-use"]
    if comp:
        c = num(comp[0]["median_ms"])
        w("| completion over 5,000 envs < 50 ms | %s ms | %s |" %
          (ms(c), verdict(c is not None and c < 50)))
    else:
        w("| completion over 5,000 envs < 50 ms | not measured | – |")
    w("\nThe targets on cost are the issue's, set for %s; for the other shells "
      "the targets are those on the processes started (the tables above give "
      "their costs and ratios)." % ", ".join(sorted(COST_TARGETS)))
    w("\nA hook cost below zero counts as zero in a ratio. Idle-prompt hook costs are differences of two noisy medians and can "
      "come out slightly negative; the process count is the exact check.")

    with open(a.md, "w") as f:
        f.write("\n".join(out) + "\n")

    # ---- chart data --------------------------------------------------
    for mode, _, _ in MODES:
        with open(os.path.join(rdir, "prompt-%s.dat" % mode), "w") as f:
            f.write("shell " + " ".join('"%s"' % HEAD[v].replace("`", "")
                                        for v in VARIANTS) + "\n")
            for s in shells:
                # ? (missing: no bar) where a variant did not run
                f.write(s + " " + " ".join("?" if cost(s, mode, v) is None else
                                           "%.4f" % cost(s, mode, v)
                                           for v in VARIANTS) + "\n")
    with open(os.path.join(rdir, "binary.dat"), "w") as f:
        for r in binary:
            ir = num(r["instructions"])
            if ir is not None:
                f.write('"%s" %.1f\n' % (r["scenario"], ir / 1000))


if __name__ == "__main__":
    main()
