/* engine: the state machine behind export, off, on and use. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "discover.h"
#include "error.h"
#include "hookdata.h"
#include "label.h"
#include "note.h"
#include "pathlist.h"
#include "paths.h"
#include "shell.h"
#include "state.h"
#include "trust.h"
#include "venv.h"

/* The env the shell should have, and the state that goes with it. */
struct target {
	struct strbuf env;	/* "" for none */
	struct strbuf label;
	struct strlist watch;	/* what the result was read from, for the hook */
	struct strbuf cand;	/* the nearest folder holding a name, when
				 * discovery ran */
};

#define TARGET_INIT { STRBUF_INIT, STRBUF_INIT, STRLIST_INIT, STRBUF_INIT }

static void target_free(struct target *t)
{
	strbuf_release(&t->env);
	strbuf_release(&t->label);
	strlist_free(&t->watch);
	strbuf_release(&t->cand);
}

void engine_input_from_env(struct engine_input *in)
{
	static char cwd[4096];
	const char *pwd = getenv("PWD");

	memset(in, 0, sizeof(*in));
	if (!pwd || pwd[0] != '/')
		pwd = getcwd(cwd, sizeof(cwd)) ? cwd : "/";
	in->pwd = pwd;
	in->path = getenv("PATH");
	in->virtual_env = getenv("VIRTUAL_ENV");
	in->pythonhome = getenv("PYTHONHOME");
	in->state = getenv(STATE_VAR);
}

/* t is env (resolved); the label comes from the env as it was named
 * (as_named), whose folder names are the project's. */
static void target_env(const struct config *cfg, struct target *t,
		       const char *env, const char *as_named, const char *rc_prompt)
{
	strbuf_set(&t->env, env);
	strbuf_setlen(&t->label, 0);
	venv_label(cfg, as_named, rc_prompt, &t->label);
}

/* The prompt change for label: nothing drawn when the config disables
 * it, and control characters shown as text (VIRTUAL_ENV_PROMPT keeps
 * the label exact). */
static void add_prompt(const struct config *cfg, const char *label,
		       struct changes *out)
{
	struct strbuf shown = STRBUF_INIT;

	if (!cfg->prompt_disable)
		label_visible(&shown, label);
	changes_add(out, CH_PROMPT, NULL, shown.buf);
	strbuf_release(&shown);
}

enum { REPORT_NEVER, REPORT_ONCE, REPORT_ALWAYS };

/* Why the shell cannot take env with label: its path or its label is
 * something the shell cannot hold; NULL when it can. */
static const char *unholdable(const struct engine_input *in, const char *env,
			      const char *label)
{
	const char *why = shell_cannot_hold(in->shell, env, HOLD_ENV_PATH);

	return why ? why : shell_cannot_hold(in->shell, label, HOLD_LABEL);
}

/* Say why the env the directory wants is not activated. */
static void report(const struct found *f)
{
	if (f->kind == FOUND_MISSING && !f->env.len)
		error("%s: no env home to find its env in: %s", f->entry.buf,
		      paths_no_home());
	else if (f->kind == FOUND_MISSING)
		error("%s: no env at '%s'", f->entry.buf, f->env.buf);
	else if (!f->env.len)	/* refused before it was read */
		error("ignoring '%s': %s%s", f->entry.buf, f->why.buf,
		      f->can_allow ? "; run 'vswitch allow' to trust it" : "");
	else if (f->can_allow)
		error("not activating '%s': %s; run 'vswitch allow' to trust it",
		      f->env.buf, f->why.buf);
	else
		error("not activating '%s': %s", f->env.buf, f->why.buf);
}

/* Fill t with what $PWD wants; returns the directory that decided via
 * dir (empty when nothing did). An env that is refused or missing is
 * reported per how: REPORT_NEVER; REPORT_ONCE per entry, when the entry
 * differs from the one st remembers or in a new shell; REPORT_ALWAYS.
 * next remembers the entry. */
static void want_here(const struct config *cfg, const struct engine_input *in,
		      const struct state *st, struct state *next, int how,
		      struct target *t, struct strbuf *dir)
{
	struct found f;
	const char *why;

	discover(&f, cfg, in->pwd);
	hookdata_watch_found(&t->watch, &f);
	strbuf_set(&t->cand, f.cand.buf);
	strbuf_set(dir, f.dir.buf);
	/* The active env's label is in the state: no need to read its
	 * pyvenv.cfg again at every cd inside the project. The state may
	 * come from a parent shell of another kind, so what this shell
	 * can hold is asked either way. */
	if (f.kind == FOUND_ENV && st->env.len && !strcmp(f.real.buf, st->env.buf)) {
		strbuf_set(&t->env, st->env.buf);
		strbuf_set(&t->label, st->label.buf);
	} else if (f.kind == FOUND_ENV) {
		target_env(cfg, t, f.real.buf, f.env.buf,
			   f.has_prompt ? f.prompt.buf : NULL);
	}
	if (f.kind == FOUND_ENV && (why = unholdable(in, t->env.buf, t->label.buf))) {
		f.kind = FOUND_REFUSED;
		strbuf_set(&f.why, why);
		strbuf_setlen(&t->env, 0);
		strbuf_setlen(&t->label, 0);
	}
	if ((f.kind == FOUND_MISSING || f.kind == FOUND_REFUSED) && in->refused)
		*in->refused = 1;
	if (f.kind == FOUND_MISSING || f.kind == FOUND_REFUSED) {
		if (!in->quiet && how != REPORT_NEVER &&
		    (how == REPORT_ALWAYS || in->init ||
		     strcmp(st->refused.buf, f.entry.buf)))
			report(&f);
		strbuf_set(&next->refused, f.entry.buf);
	}
	found_free(&f);
}

/* Decide the target and the next state's mode for cmd. */
static void decide(const struct config *cfg, const struct engine_input *in,
		   enum engine_cmd cmd, const char *use_real,
		   const struct state *st, struct state *next, struct target *t)
{
	struct strbuf dir = STRBUF_INIT;

	next->mode = st->mode;
	strbuf_set(&next->dir, st->dir.buf);
	switch (cmd) {
	case ENGINE_OFF:
		/* no report: nothing is to be activated anyway */
		want_here(cfg, in, st, next, REPORT_NEVER, t, &dir);
		strbuf_setlen(&next->refused, 0);
		strbuf_setlen(&t->env, 0);
		next->mode = dir.len ? MODE_OFF : MODE_AUTO;
		strbuf_set(&next->dir, dir.len ? dir.buf : "");
		break;
	case ENGINE_USE:
		next->mode = MODE_USE;
		strbuf_setlen(&next->dir, 0);
		target_env(cfg, t, use_real, in->use_env, NULL);
		hookdata_watch_env(&t->watch, in->use_env);
		break;
	case ENGINE_ON:
		next->mode = MODE_AUTO;
		/* fall through */
	case ENGINE_EXPORT:
		if (next->mode == MODE_OFF && paths_within(in->pwd, st->dir.buf))
			break;
		if (next->mode == MODE_USE) {
			strbuf_set(&t->env, st->env.buf);
			strbuf_set(&t->label, st->label.buf);
			break;
		}
		next->mode = MODE_AUTO;
		strbuf_setlen(&next->dir, 0);
		want_here(cfg, in, st, next,
			  cmd == ENGINE_ON ? REPORT_ALWAYS : REPORT_ONCE, t, &dir);
		break;
	}
	strbuf_release(&dir);
}

static void bin_of(const char *env, struct strbuf *out)
{
	strbuf_setlen(out, 0);
	strbuf_addstr(out, env);
	strbuf_addstr(out, "/bin");
}

/* Same env as before: repair what someone else undid (a login shell's
 * fresh PATH, an unset VIRTUAL_ENV) and redraw the prompt in a new shell. */
static void keep(const struct config *cfg, const struct engine_input *in,
		 enum engine_cmd cmd, const struct target *t, struct changes *out)
{
	struct strbuf bin = STRBUF_INIT, path = STRBUF_INIT;

	int repaired = 0;

	bin_of(t->env.buf, &bin);
	if (!in->virtual_env || strcmp(in->virtual_env, t->env.buf)) {
		changes_add(out, CH_SET, "VIRTUAL_ENV", t->env.buf);
		changes_add(out, CH_SET, "VIRTUAL_ENV_PROMPT", t->label.buf);
		repaired = 1;
	}
	if (!pathlist_has(in->path, bin.buf)) {
		pathlist_prepend(in->path, bin.buf, &path);
		changes_add_path(out, "PATH", path.buf, bin.buf, NULL);
	}
	/* A new shell draws no prompt of ours yet, and an env taken back
	 * from an activate script's deactivate has lost it. */
	if (in->init || cmd != ENGINE_EXPORT || repaired)
		add_prompt(cfg, t->label.buf, out);
	strbuf_release(&bin);
	strbuf_release(&path);
}

/* Go from env st->env (maybe none) to t->env (maybe none). */
static void switch_env(const struct config *cfg, const struct engine_input *in,
		       const struct state *st, struct state *next,
		       const struct target *t, struct changes *out)
{
	struct strbuf del = STRBUF_INIT, add = STRBUF_INIT;
	struct strbuf path = STRBUF_INIT, tmp = STRBUF_INIT;
	int had_ph = st->env.len ? st->had_pythonhome : in->pythonhome != NULL;
	const char *ph = st->env.len ? st->pythonhome.buf : in->pythonhome;

	strbuf_addstr(&path, in->path ? in->path : "");
	if (st->env.len) {
		bin_of(st->env.buf, &del);
		pathlist_remove(path.buf, del.buf, &tmp);
		strbuf_set(&path, tmp.buf);
		changes_add(out, CH_PROMPT_CLEAR, NULL, NULL);
	}
	if (t->env.len) {
		bin_of(t->env.buf, &add);
		strbuf_setlen(&tmp, 0);
		pathlist_prepend(path.buf, add.buf, &tmp);
		strbuf_set(&path, tmp.buf);
		changes_add(out, CH_SET, "VIRTUAL_ENV", t->env.buf);
		changes_add(out, CH_SET, "VIRTUAL_ENV_PROMPT", t->label.buf);
		if (in->pythonhome)
			changes_add(out, CH_UNSET, "PYTHONHOME", NULL);
		next->had_pythonhome = had_ph;
		strbuf_set(&next->pythonhome, had_ph ? ph : "");
		strbuf_set(&next->env, t->env.buf);
		strbuf_set(&next->label, t->label.buf);
	} else {
		changes_add(out, CH_UNSET, "VIRTUAL_ENV", NULL);
		changes_add(out, CH_UNSET, "VIRTUAL_ENV_PROMPT", NULL);
		if (had_ph && (!in->pythonhome || strcmp(in->pythonhome, ph)))
			changes_add(out, CH_SET, "PYTHONHOME", ph);
	}
	if (!in->path || strcmp(in->path, path.buf))
		changes_add_path(out, "PATH", path.buf, add.len ? add.buf : NULL,
				 del.len ? del.buf : NULL);
	if (t->env.len)
		add_prompt(cfg, t->label.buf, out);
	strbuf_release(&del);
	strbuf_release(&add);
	strbuf_release(&path);
	strbuf_release(&tmp);
}

/* Keep of a state that is not to be acted on only what undoing it
 * takes: its env, whose bin/ is then taken off PATH (never put on), if
 * VIRTUAL_ENV still names it or is unset. Nothing is restored from it:
 * PYTHONHOME stays as it is now. */
static void drop_state(const struct engine_input *in, struct state *st)
{
	struct strbuf env = STRBUF_INIT, label = STRBUF_INIT;

	if (!in->virtual_env || !*in->virtual_env ||
	    !strcmp(in->virtual_env, st->env.buf)) {
		strbuf_set(&env, st->env.buf);
		strbuf_set(&label, st->label.buf);
	}
	state_free(st);
	strbuf_set(&st->env, env.buf);
	strbuf_set(&st->label, label.buf);
	if (env.len && in->pythonhome) {
		st->had_pythonhome = 1;
		strbuf_set(&st->pythonhome, in->pythonhome);
	}
	strbuf_release(&env);
	strbuf_release(&label);
}

/* The state is re-judged at every run, as it may come from a parent
 * process (or be made up): one made by another user (sudo -E), or of
 * the older format that names none, is dropped; an env kept by `use`
 * must still pass what `use` asked of it, for this user and this shell,
 * or the use ends. An env followed automatically is judged afresh by
 * discovery. */
static void judge_state(const struct config *cfg, const struct engine_input *in,
			struct state *st)
{
	struct strbuf real = STRBUF_INIT, why = STRBUF_INIT;

	if (!st->has_uid || st->uid != (unsigned long)geteuid()) {
		if (st->has_uid)
			error("ignoring $%s: it was made by uid %lu, not by you",
			      STATE_VAR, st->uid);
		drop_state(in, st);
	} else if (st->mode == MODE_USE) {
		const char *cannot = unholdable(in, st->env.buf, st->label.buf);

		if (trust_env_path(st->env.buf, cfg->trust != TRUST_ALL, &real, &why) == 0 &&
		    strcmp(real.buf, st->env.buf))
			strbuf_addf(&why, "its path now leads to '%s'", real.buf);
		if (!why.len && cannot)
			strbuf_addstr(&why, cannot);
		if (why.len) {
			error("no longer using '%s': %s", st->env.buf, why.buf);
			st->mode = MODE_AUTO;
		}
	}
	strbuf_release(&real);
	strbuf_release(&why);
}

void engine_notes_begin(const struct engine_input *in)
{
	struct state st;

	state_init(&st);
	if (state_decode(&st, in->state) == 0 && st.has_uid &&
	    st.uid == (unsigned long)geteuid())
		note_begin(st.noted.buf);
	else
		note_begin(NULL);
	state_free(&st);
}

static const char *const cmd_names[] = { "export", "off", "on", "use" };

/* `use` of an env whose way is not safe (unless mode is all), or that
 * PATH or the shell cannot hold: reported, nothing done. Else real is
 * its resolved path. */
static int use_refused(const struct config *cfg, const struct engine_input *in,
		       struct strbuf *real)
{
	struct target t = TARGET_INIT;
	struct strbuf why = STRBUF_INIT;
	const char *cannot = NULL;
	int rc = 0;

	if (trust_env_path(in->use_env, cfg->trust != TRUST_ALL, real, &why) < 0) {
		rc = error("cannot use '%s': %s", in->use_env, why.buf);
	} else {
		target_env(cfg, &t, real->buf, in->use_env, NULL);
		if ((cannot = unholdable(in, t.env.buf, t.label.buf)))
			rc = error("cannot use '%s': %s", in->use_env, cannot);
	}
	strbuf_release(&why);
	target_free(&t);
	return rc;
}

int engine_run(const struct config *cfg, const struct engine_input *in,
	       enum engine_cmd cmd, struct changes *out)
{
	struct state st, next;
	struct target t = TARGET_INIT;
	struct strbuf enc = STRBUF_INIT, use_real = STRBUF_INIT;
	struct hookdata hd;
	size_t first = out->n;
	int rc = 0, held = 0;

	/* a hook that gave the tag holds the lists */
	if (in->hook) {
		hookdata_init(&hd, cfg, in);
		held = in->have && !strcmp(in->have, hd.tag.buf);
	}
	state_init(&st);
	state_init(&next);
	state_decode(&st, in->state);	/* garbage reads as no state */
	judge_state(cfg, in, &st);
	/* A VIRTUAL_ENV vswitch did not set belongs to the user. */
	if (in->virtual_env && *in->virtual_env &&
	    strcmp(in->virtual_env, st.env.buf)) {
		if (cmd != ENGINE_EXPORT)
			rc = error("cannot '%s': '%s' was activated by hand; run 'deactivate' first",
				   cmd_names[cmd], in->virtual_env);
		/* an activate script's env on top of ours: its label only */
		if (st.env.len)
			changes_add(out, CH_PROMPT_CLEAR, NULL, NULL);
		goto done;
	}
	if (cmd == ENGINE_USE && use_refused(cfg, in, &use_real) < 0) {
		rc = -1;
		goto done;
	}
	decide(cfg, in, cmd, use_real.buf, &st, &next, &t);
	if (!strcmp(t.env.buf, st.env.buf)) {
		if (t.env.len)
			keep(cfg, in, cmd, &t, out);
		strbuf_set(&next.env, st.env.buf);
		strbuf_set(&next.label, st.label.buf);
		next.had_pythonhome = st.had_pythonhome;
		strbuf_set(&next.pythonhome, st.pythonhome.buf);
	} else {
		switch_env(cfg, in, &st, &next, &t, out);
	}
	note_list(&next.noted);
	if (!state_is_empty(&next)) {
		state_encode(&next, &enc);
		if (!in->state || strcmp(in->state, enc.buf))
			changes_add(out, CH_SET, STATE_VAR, enc.buf);
	} else if (in->state) {
		changes_add(out, CH_UNSET, STATE_VAR, NULL);
	}
	/* The state goes first: a shell that stops evaluating at an error
	 * (zsh, on a read-only PS1) then still knows what was done. */
	if (out->n > first + 1 && out->v[out->n - 1].name &&
	    !strcmp(out->v[out->n - 1].name, STATE_VAR))
		changes_move(out, out->n - 1, first);
done:
	if (in->hook) {
		hookdata_changes(cfg, &hd, held, t.cand.len ? t.cand.buf : NULL,
				 &t.watch, out);
		hookdata_free(&hd);
	}
	state_free(&st);
	state_free(&next);
	target_free(&t);
	strbuf_release(&enc);
	strbuf_release(&use_real);
	return rc;
}
