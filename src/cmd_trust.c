/* cmd_trust: `vswitch allow [DIR]` and `vswitch deny [DIR]` record a
 * decision about the entry (.venvrc, venv folder, ...) that governs DIR,
 * then, when run through the hook's function, bring this shell up to
 * date at once. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "command.h"
#include "discover.h"
#include "error.h"
#include "paths.h"
#include "trust.h"
#include "truststore.h"

/* Record the decision for the entry that governs dir; 0, or -1 when
 * there is none or it cannot be recorded (reported). */
static int record(const struct config *cfg, const char *dir, int allow)
{
	const char *verb = allow ? "allow" : "deny";
	struct strbuf hash = STRBUF_INIT;
	struct found f;
	int rc = -1;

	discover(&f, cfg, dir);
	if (f.kind == FOUND_NONE) {
		error("nothing to %s: no %s, venv folder or tool's file "
		      "governs '%s'", verb, cfg->rcfile, dir);
	} else if (f.kind == FOUND_OPTOUT) {
		error("nothing to %s: '%s' names no env", verb, f.entry.buf);
	} else if (allow && trust_entry_hash(&f, &hash) < 0) {
		error("cannot %s '%s': it cannot be read", verb, f.entry.buf);
	} else if (truststore_put(f.entry.buf, allow ? hash.buf : NULL) == 0) {
		error("%s '%s'", allow ? "allowed" : "denied", f.entry.buf);
		rc = 0;
	}
	strbuf_release(&hash);
	found_free(&f);
	return rc;
}

static int trust_command(struct cmd_ctx *c, int allow)
{
	struct strbuf dir = STRBUF_INIT;
	struct stat st;
	int rc = 1;

	paths_absolute(&dir, c->in.pwd, c->argc ? c->argv[0] : ".");
	if (stat(dir.buf, &st) < 0) {
		error_errno("'%s' is not a directory", dir.buf);
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		error("'%s' is not a directory", dir.buf);
		goto out;
	}
	if (record(&c->cfg, dir.buf, allow) < 0)
		goto out;
	rc = 0;
	/* Through the hook's function: allow acts as `on` does, so the env
	 * comes at once; deny re-reads the directory as a cd would, without
	 * repeating why the env is now refused. */
	if (c->shell) {
		c->in.quiet = !allow;
		rc = cmd_render(c, c->shell, allow ? ENGINE_ON : ENGINE_EXPORT);
	}
out:
	strbuf_release(&dir);
	return rc;
}

int cmd_allow(struct cmd_ctx *c)
{
	return trust_command(c, 1);
}

int cmd_deny(struct cmd_ctx *c)
{
	return trust_command(c, 0);
}
