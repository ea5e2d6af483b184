# vswitch: build, test, install.
#   make                  build ./vswitch
#   make check            unit suites (Check) and end-to-end tests in real shells
#   make check SANITIZE=address,undefined
#   make install PREFIX=/usr/local DESTDIR=
#   make deps             install the Debian packages to build and test (root)
#   make bench            benchmark against /bin/true and direnv
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

DEP_CFLAGS  := $(shell $(PKG_CONFIG) --cflags inih libpcre2-8 2>/dev/null)
DEP_LIBS    := $(shell $(PKG_CONFIG) --libs inih libpcre2-8 2>/dev/null)
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
HOOKS     = hooks/bash.sh hooks/zsh.sh hooks/fish.fish

all: vswitch

vswitch: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(DEP_LIBS)

$(B)/%.o: src/%.c | $(B)
	$(CC) $(CFLAGS) $(DEP_CFLAGS) -MD -MP -c -o $@ $<

$(B)/hooks.c: $(HOOKS) tools/embed.sh | $(B)
	tools/embed.sh $@ bash=hooks/bash.sh zsh=hooks/zsh.sh fish=hooks/fish.fish

$(B)/hooks.o: $(B)/hooks.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/test/%.o: test/%.c | $(B)/test
	$(CC) $(CFLAGS) $(DEP_CFLAGS) $(CHECK_CFLAGS) -Isrc -MD -MP -c -o $@ $<

$(B)/check_unit: $(TESTOBJ) $(LIBOBJ)
	$(CC) $(LDFLAGS) -o $@ $(TESTOBJ) $(LIBOBJ) $(DEP_LIBS) $(CHECK_LIBS)

$(OBJ) $(TESTOBJ) vswitch $(B)/check_unit: $(B)/.flags

$(B) $(B)/test:
	mkdir -p $@

check: check-unit check-e2e

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
FUZZ_NAMES   = quote config rcfile state discover
FUZZ_CFLAGS  = -g -O1 -std=c11 -D_GNU_SOURCE -DVERSION='"$(VERSION)"' \
	-fsanitize=address,undefined -fno-sanitize-recover=undefined -Isrc
FUZZ_OBJ     = $(LIBOBJ:$(B)/%.o=$(B)/fuzz/%.o)

$(B)/fuzz/%.o: src/%.c | $(B)/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(DEP_CFLAGS) -c -o $@ $<

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

lint:
	shellcheck -s bash hooks/bash.sh hooks/zsh.sh test/e2e/*.sh

install: vswitch
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/doc/vswitch
	install -m 755 vswitch $(DESTDIR)$(PREFIX)/bin/vswitch
	install -m 644 man/vswitch.1 $(DESTDIR)$(PREFIX)/share/man/man1/vswitch.1
	install -m 644 config.example.ini $(DESTDIR)$(PREFIX)/share/doc/vswitch/config.example.ini
	@echo 'Installed. Add one line to your shell rc file, then open a new shell:'
	@echo '  bash  ~/.bashrc                  eval "$$(vswitch hook bash)"'
	@echo '  zsh   ~/.zshrc                   eval "$$(vswitch hook zsh)"'
	@echo '  fish  ~/.config/fish/config.fish vswitch hook fish | source'

deps:
	apt-get update
	apt-get install -y --no-install-recommends build-essential pkg-config \
		libpcre2-dev libinih-dev check bash zsh fish tmux \
		python3 python3-venv python3-virtualenv shellcheck valgrind \
		clang libclang-rt-14-dev

clean:
	rm -rf $(B) vswitch

.PHONY: all check check-unit check-e2e check-valgrind fuzz lint install deps clean
-include $(OBJ:.o=.d) $(TESTOBJ:.o=.d)
