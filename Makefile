# vswitch: build, test, install.
#   make                  build ./vswitch
#   make check            unit suites (Check) and end-to-end tests in real shells
#   make check SANITIZE=address,undefined
#   make install PREFIX=/usr/local DESTDIR=
#   make deps             install the Debian packages to build and test (root)
#   make bench            benchmark against /bin/true and direnv (BENCH_QUICK=1: fewer runs)
#   make STATIC=0         link dynamically (SANITIZE=... implies it)
#   make check-valgrind   the unit suites under valgrind
#   make fuzz             each libFuzzer target for FUZZ_TIME seconds (clang)

VERSION    = 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
CC        ?= cc
PKG_CONFIG ?= pkg-config

WARN      = -Wall -Wextra -pedantic -Wmissing-prototypes -Wshadow -Wstrict-prototypes
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_GNU_SOURCE $(WARN) -DVERSION='"$(VERSION)"'
ifeq ($(WERROR),1)
CFLAGS   += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS   += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS  += -fsanitize=$(SANITIZE)
endif

# The binary is linked statically: no dynamic loader, no shared-library
# look-ups or relocations, so it starts in about half the instructions of a
# dynamically linked /bin/true (see bench/results.md). It needs no NSS
# (the home directory comes from $HOME). Sanitizers need the dynamic
# runtime, so SANITIZE=... links dynamically, as does STATIC=0.
STATIC    ?= 1
ifneq ($(SANITIZE),)
STATIC    := 0
endif
ifeq ($(STATIC),1)
PC_STATIC  = --static
EXE_LDFLAGS = -static
endif

DEP_CFLAGS  := $(shell $(PKG_CONFIG) --cflags inih libpcre2-8 2>/dev/null)
DEP_LIBS    := $(shell $(PKG_CONFIG) --libs inih libpcre2-8 2>/dev/null)
EXE_LIBS    := $(shell $(PKG_CONFIG) $(PC_STATIC) --libs inih libpcre2-8 2>/dev/null)
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS  := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

B         = build

# Objects remember the flags they were built with: a change (SANITIZE=,
# WERROR=, CFLAGS=) rebuilds everything rather than mixing the two.
FLAGS_NOW := $(CC) $(CFLAGS) $(LDFLAGS)
ifneq ($(FLAGS_NOW),$(file <$(B)/.flags))
$(shell mkdir -p $(B))
$(file >$(B)/.flags,$(FLAGS_NOW))
endif
SRC       = $(wildcard src/*.c)
OBJ       = $(SRC:src/%.c=$(B)/%.o) $(B)/hooks.o
LIBOBJ    = $(filter-out $(B)/main.o,$(OBJ))
TESTSRC   = $(wildcard test/check_*.c)
TESTOBJ   = $(TESTSRC:test/%.c=$(B)/test/%.o)
HOOKS     = $(wildcard hooks/*)

all: vswitch

vswitch: $(OBJ) $(B)/flags
	$(CC) $(LDFLAGS) $(EXE_LDFLAGS) -o $@ $(OBJ) $(EXE_LIBS)

# Rebuild when the flags change (make, then make SANITIZE=...): the file
# is rewritten only when they differ, so its date says when they did.
BUILD_FLAGS = $(CC) $(CFLAGS) $(LDFLAGS) $(EXE_LDFLAGS) $(EXE_LIBS)
$(B)/flags: FORCE | $(B)
	@echo '$(BUILD_FLAGS)' | cmp -s - $@ || echo '$(BUILD_FLAGS)' >$@

$(B)/%.o: src/%.c $(B)/flags | $(B)
	$(CC) $(CFLAGS) $(DEP_CFLAGS) -MD -MP -c -o $@ $<

$(B)/hooks.c: $(HOOKS) tools/embed.sh | $(B)
	tools/embed.sh $@ $(HOOKS)

$(B)/hooks.o: $(B)/hooks.c $(B)/flags
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/test/%.o: test/%.c $(B)/flags | $(B)/test
	$(CC) $(CFLAGS) $(DEP_CFLAGS) $(CHECK_CFLAGS) -Isrc -MD -MP -c -o $@ $<

$(B)/check_unit: $(TESTOBJ) $(LIBOBJ)
	$(CC) $(LDFLAGS) -o $@ $(TESTOBJ) $(LIBOBJ) $(DEP_LIBS) $(CHECK_LIBS)

$(OBJ) $(TESTOBJ) vswitch $(B)/check_unit: $(B)/.flags

$(B) $(B)/test:
	mkdir -p $@

check: lint check-unit check-e2e

check-unit: $(B)/check_unit
	$(B)/check_unit

check-e2e: vswitch
	test/e2e/run.sh

# Check forks each test by default, which valgrind would not follow.
check-valgrind: $(B)/check_unit
	CK_FORK=no valgrind -q --error-exitcode=1 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect $(B)/check_unit

# libFuzzer targets (fuzz/fuzz_*.c), built with clang and ASan+UBSan into
# $(B)/fuzz; each runs FUZZ_TIME seconds from fuzz/seeds/NAME, keeping
# its corpus in $(B)/fuzz/corpus/NAME. A crash stops make and leaves
# the input as $(B)/fuzz/crash-*.
FUZZ_CC     ?= clang
FUZZ_TIME   ?= 60
FUZZ_NAMES   = $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_CFLAGS  = -g -O1 -std=c11 -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -Isrc
FUZZ_OBJ     = $(LIBOBJ:$(B)/%.o=$(B)/fuzz/%.o)

$(B)/fuzz/%.o: src/%.c | $(B)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(DEP_CFLAGS) -MD -MP -c -o $@ $<

$(B)/fuzz/hooks.o: $(B)/hooks.c | $(B)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(DEP_CFLAGS) -o $@ $< $(FUZZ_OBJ) $(DEP_LIBS)

.PRECIOUS: $(B)/fuzz/%.o

$(B)/fuzz:
	mkdir -p $@

fuzz: $(FUZZ_NAMES:%=$(B)/fuzz/fuzz_%)
	@for t in $(FUZZ_NAMES); do \
		mkdir -p $(B)/fuzz/corpus/$$t; \
		echo "fuzz_$$t: $(FUZZ_TIME) s"; \
		$(B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -close_fd_mask=2 \
			-artifact_prefix=$(B)/fuzz/ -print_final_stats=1 \
			$(B)/fuzz/corpus/$$t fuzz/seeds/$$t >$(B)/fuzz/$$t.log 2>&1; \
		rc=$$?; \
		grep -E '^(stat::number_of_executed_units|Done)' $(B)/fuzz/$$t.log; \
		if [ $$rc -ne 0 ]; then tail -40 $(B)/fuzz/$$t.log; exit 1; fi; \
	done

# The harness and bench scripts are bash; each shell's hook and
# completion files are checked by that shell's adapter (sh_lint).
lint: lint-man
	shellcheck -x -s bash test/e2e/*.sh test/e2e/scenarios/*.sh test/e2e/shells/*.sh
	shellcheck bench/*.sh
	test/e2e/lint.sh

# Each manual page must format without a warning.
MANPAGES = man/vswitch.1 man/vswitch-venvrc.5 man/vswitch-config.5 man/vswitch-trust.7
lint-man:
	@for m in $(MANPAGES); do \
		out=$$(groff -ww -man -z $$m 2>&1); \
		if [ -n "$$out" ]; then echo "$$m: $$out"; exit 1; fi; \
	done

# zsh looks in PREFIX/share/zsh/site-functions for /usr/local, but
# Debian's zsh has no /usr/share/zsh/site-functions on its $fpath: with
# PREFIX=/usr, completion goes where packages put theirs.
ZSH_COMPDIR = $(PREFIX)/share/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)

install: vswitch
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/man/man7 \
		$(DESTDIR)$(PREFIX)/share/doc/vswitch \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(ZSH_COMPDIR) \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 vswitch $(DESTDIR)$(PREFIX)/bin/vswitch
	install -m 644 man/vswitch.1 $(DESTDIR)$(PREFIX)/share/man/man1/vswitch.1
	install -m 644 man/vswitch-venvrc.5 man/vswitch-config.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 man/vswitch-trust.7 $(DESTDIR)$(PREFIX)/share/man/man7/
	install -m 644 completions/vswitch.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/vswitch
	install -m 644 completions/_vswitch $(DESTDIR)$(ZSH_COMPDIR)/_vswitch
	install -m 644 completions/vswitch.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/vswitch.fish
	install -m 644 config.example.ini $(DESTDIR)$(PREFIX)/share/doc/vswitch/config.example.ini
	@echo 'Installed. Add the line for your shell to its rc file, then open a new shell:'
	@./vswitch --help | sed -n '/rc file:$$/,/^$$/p' | sed '1d;$$d'
	@echo 'Try it: mkdir -p /tmp/try-vswitch && python3 -m venv /tmp/try-vswitch/venv'
	@echo '        then cd /tmp/try-vswitch: the prompt starts with (try-vswitch)'

deps:
	apt-get update
	apt-get install -y --no-install-recommends build-essential pkg-config \
		libpcre2-dev libinih-dev check bash zsh fish ksh93u+m mksh tcsh elvish xonsh tmux \
		python3 python3-venv python3-virtualenv python3-poetry pipenv \
		python3-pdm virtualenvwrapper shellcheck valgrind \
		hyperfine direnv gnuplot-nox time strace bash-completion git \
		clang libclang-rt-14-dev groff-base man-db
# nushell: npm's prebuilt binary, pinned to one version. A node and npm
# the machine already has are used (Debian's npm conflicts with other
# builds of nodejs); without npm or its registry (5 minutes at most)
# nushell's tests are skipped
	command -v npm >/dev/null || apt-get install -y --no-install-recommends npm || \
		echo "deps: npm is not installed; nushell's tests will be skipped"
	timeout 300 npm install -g nushell@0.115.1 >/dev/null 2>&1 || \
		echo "deps: nushell is not installed (npm cannot reach its registry); its tests will be skipped"

bench: vswitch
	bench/run.sh

clean:
	rm -rf $(B) vswitch

.PHONY: all check check-unit check-e2e check-valgrind fuzz lint lint-man install deps clean bench FORCE
-include $(OBJ:.o=.d) $(TESTOBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
