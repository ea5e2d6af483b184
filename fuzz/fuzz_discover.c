/* fuzz_discover: build a small tree from the input (folders, venv
 * folders, .venvrc files with fuzzed text, symbolic links, some of them
 * loops or made unsafe), then discover from a fuzzed directory in it.
 * Discovery and the trust verdict must not crash, and what they return
 * must be consistent. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "discover.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Names the tree is built from. Only the first NWRITE are ever written
 * or entered, and a link only ever points at one of those in its own
 * folder: the tree can hold loops but can never reach outside its root,
 * however the input goes ("." and ".." only appear in the directory
 * handed to discovery, which only reads). */
static const char *const names[] = {
	"venv", ".venv", "a", "b", ".venvrc", "pyvenv.cfg", "bin", "..", ".",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))
#define NWRITE 7

static char root[64];

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

/* rm -rf, in-process: a fork per input would cost most of the time. */
static void rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	rm_tree(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	static int ready;
	struct strbuf cur = STRBUF_INIT, p = STRBUF_INIT, tail = STRBUF_INIT;
	struct found f;
	size_t i = 0;

	if (!ready) {
		atexit(cleanup);
		snprintf(root, sizeof(root), "/dev/shm/fuzz-discover.%d", (int)getpid());
		setenv("HOME", root, 1);
		setenv("XDG_DATA_HOME", "/nonexistent", 1);
		config_load_file(&cfg, NULL);
		ready = 1;
	}
	rm_tree(root);
	if (mkdir(root, 0755) < 0)
		abort();
	strbuf_addstr(&cur, root);
	while (i + 1 < size) {
		unsigned op = data[i] % 7;
		const char *n = names[data[i + 1] % NWRITE];
		struct stat st;

		i += 2;
		strbuf_set(&p, cur.buf);
		strbuf_addch(&p, '/');
		strbuf_addstr(&p, n);
		switch (op) {
		case 0:		/* a folder, and go into it if it is a real one */
			(void)mkdir(p.buf, 0755);
			if (lstat(p.buf, &st) == 0 && S_ISDIR(st.st_mode))
				strbuf_set(&cur, p.buf);
			break;
		case 1: {	/* a file with the next bytes */
			size_t len = i < size ? data[i++] % 64 : 0;
			int fd = open(p.buf, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644);

			if (len > size - i)
				len = size - i;
			if (fd >= 0) {
				if (write(fd, data + i, len) < 0)
					abort();
				close(fd);
			}
			i += len;
			break;
		}
		case 2:		/* a venv folder here */
			(void)mkdir(p.buf, 0755);
			if (lstat(p.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
				strbuf_addstr(&p, "/pyvenv.cfg");
				close(open(p.buf, O_WRONLY | O_CREAT | O_NOFOLLOW, 0644));
			}
			break;
		case 3:		/* a link to a sibling, maybe a loop */
			(void)symlink(names[(data[i - 1] / NNAMES) % NWRITE], p.buf);
			break;
		case 4:		/* make it writable by all (not through a link) */
			if (lstat(p.buf, &st) == 0 && !S_ISLNK(st.st_mode))
				(void)chmod(p.buf, 0777);
			break;
		case 5:		/* back up, never above the root */
			if (cur.len > strlen(root)) {
				while (cur.buf[cur.len - 1] != '/')
					strbuf_setlen(&cur, cur.len - 1);
				strbuf_setlen(&cur, cur.len - 1);
			}
			break;
		case 6:		/* a tail for discovery only: may not exist */
			strbuf_addch(&tail, '/');
			strbuf_addstr(&tail, names[data[i - 1] % NNAMES]);
			break;
		}
	}
	strbuf_addstr(&cur, tail.buf);
	discover(&f, &cfg, cur.buf);
	if (f.kind == FOUND_ENV && (!f.env.len || !f.entry.len || !f.dir.len))
		abort();
	/* a refused entry may name no env: one refused before it was
	 * read (a .venvrc others can write) */
	if (f.kind == FOUND_REFUSED && (!f.entry.len || !f.dir.len || !f.why.len))
		abort();
	if (f.kind == FOUND_NONE && f.dir.len)
		abort();
	found_free(&f);
	strbuf_release(&cur);
	strbuf_release(&p);
	strbuf_release(&tail);
	return 0;
}
