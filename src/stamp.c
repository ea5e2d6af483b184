/* stamp: the hooks' stamp folder. */
#include "stamp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

/* Unlink each file named by a process id that no longer runs. */
static void prune(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *end;
		long pid;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		errno = 0;
		pid = strtol(e->d_name, &end, 10);
		/* PID, or PID.walk (the hooks' walk stamp) */
		if ((*end && strcmp(end, ".walk")) || errno || pid <= 0 || (pid_t)pid != pid)
			continue;
		if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

int stamp_dir(struct strbuf *out, int do_prune)
{
	struct strbuf dir = STRBUF_INIT;
	const char *run = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	int rc = -1;

	if (run && run[0] == '/') {
		strbuf_addstr(&dir, run);
		strbuf_addstr(&dir, "/vswitch");
	} else if (paths_xdg(&dir, "XDG_CACHE_HOME", ".cache") == 0) {
		strbuf_addstr(&dir, "/vswitch/stamps");
	}
	/* A stamp others could touch would only make the hook skip a run
	 * it needs; still, only a folder that is the user's alone is used. */
	if (dir.buf[0] == '/' && (lstat(dir.buf, &st) == 0 ||
				  (paths_mkdirs(&dir) == 0 && lstat(dir.buf, &st) == 0)) &&
	    S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
	    !(st.st_mode & (S_IWGRP | S_IWOTH))) {
		if (do_prune)
			prune(dir.buf);
		strbuf_addstr(out, dir.buf);
		rc = 0;
	}
	strbuf_release(&dir);
	return rc;
}
