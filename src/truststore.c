/* truststore: read and write allow/deny records. */
#include "truststore.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "paths.h"
#include "sha256.h"

/* A record is two short lines and a path. */
#define RECORD_MAX 65536

int truststore_dir(struct strbuf *out)
{
	if (paths_xdg(out, "XDG_DATA_HOME", ".local/share") < 0)
		return -1;
	strbuf_addstr(out, "/vswitch/trust");
	return 0;
}

/* The record's file name in the store dir: the SHA-256 of the path it
 * is about. */
static void record_path(const char *dir, const char *entry, struct strbuf *out)
{
	strbuf_addf(out, "%s/", dir);
	sha256_hex(entry, strlen(entry), out);
}

/* Whether the store may be believed: records in a folder others can
 * write could have been planted. */
static int store_safe(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0)
		return 0;	/* no store yet: nothing recorded */
	if ((st.st_uid != geteuid() && st.st_uid != 0) ||
	    (st.st_mode & (S_IWGRP | S_IWOTH))) {
		error("ignoring the trust store '%s': it is not yours alone", dir);
		return 0;
	}
	return 1;
}

enum trust_record truststore_lookup(const char *entry, struct strbuf *hash)
{
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT, want = STRBUF_INIT;
	enum trust_record r = TRUST_NONE;
	const char *p;
	size_t n;

	/* with no home, no store: nothing recorded */
	if (truststore_dir(&dir) < 0 || !store_safe(dir.buf))
		goto out;
	record_path(dir.buf, entry, &file);
	if (strbuf_read_file(&text, file.buf, RECORD_MAX) < 0)
		goto out;
	/* "vswitch-trust 1\n" then "allow HEX\n" or "deny\n", then
	 * "path ENCODED\n"; anything else is ignored as no record. */
	strbuf_addstr(&want, "path ");
	strbuf_add_percent(&want, entry, strlen(entry));
	strbuf_addch(&want, '\n');
	if (strncmp(text.buf, "vswitch-trust 1\n", 16))
		goto out;
	p = text.buf + 16;
	if (!strncmp(p, "deny\n", 5)) {
		p += 5;
		if (!strcmp(p, want.buf))
			r = TRUST_DENIED;
	} else if (!strncmp(p, "allow ", 6)) {
		p += 6;
		n = strspn(p, "0123456789abcdef");
		if (n == 2 * SHA256_LEN && p[n] == '\n' && !strcmp(p + n + 1, want.buf)) {
			strbuf_add(hash, p, n);
			r = TRUST_ALLOWED;
		}
	}
out:
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&text);
	strbuf_release(&want);
	return r;
}

int truststore_put(const char *entry, const char *hash)
{
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT;
	struct strbuf tmp = STRBUF_INIT, text = STRBUF_INIT;
	int fd = -1, rc = -1;

	if (truststore_dir(&dir) < 0) {
		error("no trust store: %s", paths_no_home());
		goto out;
	}
	if (paths_mkdirs(&dir) < 0) {
		error_errno("cannot create '%s'", dir.buf);
		goto out;
	}
	record_path(dir.buf, entry, &file);
	strbuf_addf(&tmp, "%s/.tmp.XXXXXX", dir.buf);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		error_errno("cannot write in '%s'", dir.buf);
		goto out;
	}
	strbuf_addstr(&text, "vswitch-trust 1\n");
	if (hash)
		strbuf_addf(&text, "allow %s\n", hash);
	else
		strbuf_addstr(&text, "deny\n");
	strbuf_addstr(&text, "path ");
	strbuf_add_percent(&text, entry, strlen(entry));
	strbuf_addch(&text, '\n');
	if (strbuf_write_fd(&text, fd) < 0 || fsync(fd) < 0 ||
	    close(fd) < 0) {
		error_errno("cannot write '%s'", tmp.buf);
		fd = -1;
		unlink(tmp.buf);
		goto out;
	}
	fd = -1;
	if (rename(tmp.buf, file.buf) < 0) {
		error_errno("cannot rename '%s' to '%s'", tmp.buf, file.buf);
		unlink(tmp.buf);
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&tmp);
	strbuf_release(&text);
	return rc;
}
