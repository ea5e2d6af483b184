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

static const char *const names[] = {
	"venv", ".venv", "a", "b", ".venvrc", "..", ".", "pyvenv.cfg", "bin",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	static int ready;
	struct strbuf cur = STRBUF_INIT, p = STRBUF_INIT;
	struct found f;
	size_t i = 0;

	if (!ready) {
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
		const char *n = names[data[i + 1] % NNAMES];

		i += 2;
		strbuf_set(&p, cur.buf);
		strbuf_addch(&p, '/');
		strbuf_addstr(&p, n);
		switch (op) {
		case 0:		/* a folder, and go into it */
			if (mkdir(p.buf, 0755) == 0 || errno == EEXIST)
				strbuf_set(&cur, p.buf);
			break;
		case 1: {	/* a file with the next bytes */
			size_t len = i < size ? data[i++] % 64 : 0;
			int fd = open(p.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);

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
			strbuf_addstr(&p, "/pyvenv.cfg");
			close(open(p.buf, O_WRONLY | O_CREAT, 0644));
			break;
		case 3:		/* a link to another name, maybe a loop */
			(void)symlink(names[(data[i - 1] / NNAMES) % NNAMES], p.buf);
			break;
		case 4:		/* make it unsafe */
			(void)chmod(p.buf, 0777);
			break;
		case 5:		/* back up */
			if (cur.len > strlen(root))
				while (cur.buf[cur.len - 1] != '/')
					strbuf_setlen(&cur, cur.len - 1);
			if (cur.len > strlen(root))
				strbuf_setlen(&cur, cur.len - 1);
			break;
		case 6:		/* a path component that need not exist */
			strbuf_addch(&cur, '/');
			strbuf_addstr(&cur, n);
			break;
		}
	}
	discover(&f, &cfg, cur.buf);
	if ((f.kind == FOUND_ENV || f.kind == FOUND_REFUSED) &&
	    (!f.env.len || !f.source.len || !f.dir.len))
		abort();
	if (f.kind == FOUND_REFUSED && !f.why.len)
		abort();
	if (f.kind == FOUND_NONE && f.dir.len)
		abort();
	found_free(&f);
	strbuf_release(&cur);
	strbuf_release(&p);
	return 0;
}
