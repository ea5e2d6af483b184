/* cmd_status: `vswitch status` says what is active and why, like
 * `doas -C`: it reads everything the hook reads and changes nothing. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "command.h"
#include "discover.h"
#include "paths.h"
#include "source.h"
#include "state.h"
#include "trust.h"
#include "truststore.h"

static void show_active(struct strbuf *out, const struct engine_input *in,
			const struct state *st)
{
	if (in->virtual_env && *in->virtual_env && strcmp(in->virtual_env, st->env.buf)) {
		strbuf_addf(out, "active:    %s (activated by hand; vswitch leaves it alone)\n",
			    in->virtual_env);
		return;
	}
	if (st->env.len)
		strbuf_addf(out, "active:    %s (%s) as '%s'\n", st->env.buf,
			    st->mode == MODE_USE ? "chosen with 'use'" : "automatic",
			    st->label.buf);
	else if (st->mode == MODE_OFF)
		strbuf_addf(out, "active:    none (off inside %s; 'vswitch on' resumes)\n",
			    st->dir.buf);
	else
		strbuf_addstr(out, "active:    none\n");
}

static void show_found(struct strbuf *out, const struct found *f)
{
	switch (f->kind) {
	case FOUND_NONE:
		strbuf_addstr(out, "wants:     none (nothing any source knows, up to /)\n");
		break;
	case FOUND_ENV:
		strbuf_addf(out, "wants:     %s\n", f->env.buf);
		strbuf_addf(out, "chosen by: %s (%s)\n", f->entry.buf, f->by->name);
		break;
	case FOUND_OPTOUT:
		strbuf_addf(out, "wants:     none (opted out by %s (%s))\n", f->entry.buf,
			    f->by->name);
		break;
	case FOUND_MISSING:
		if (f->env.len)
			strbuf_addf(out, "wants:     %s, which is not a venv\n", f->env.buf);
		else
			strbuf_addf(out, "wants:     an env, but there is no env home (%s)\n",
				    paths_no_home());
		strbuf_addf(out, "chosen by: %s (%s)\n", f->entry.buf, f->by->name);
		break;
	case FOUND_REFUSED:
		if (f->env.len)
			strbuf_addf(out, "wants:     %s\n", f->env.buf);
		else
			strbuf_addstr(out, "wants:     unknown (the file was not read)\n");
		strbuf_addf(out, "chosen by: %s (%s)\n", f->entry.buf, f->by->name);
		strbuf_addf(out, "refused:   %s%s\n", f->why.buf,
			    f->can_allow ? "; 'vswitch allow' trusts it" : "");
		break;
	}
}

static const char *const mode_names[] = { "owner", "strict", "all" };

/* The trust mode, and what the store says about the deciding entry. */
static void show_trust(struct strbuf *out, const struct config *cfg,
		       const struct found *f)
{
	struct strbuf hash = STRBUF_INIT, have = STRBUF_INIT;

	strbuf_addf(out, "trust:     mode %s", mode_names[cfg->trust]);
	if (f->kind != FOUND_NONE && f->kind != FOUND_OPTOUT) {
		switch (truststore_lookup(f->entry.buf, &hash)) {
		case TRUST_NONE:
			strbuf_addstr(out, "; not allowed or denied");
			break;
		case TRUST_DENIED:
			strbuf_addstr(out, "; denied with 'vswitch deny'");
			break;
		case TRUST_ALLOWED:
			if (trust_entry_hash(f, &have) == 0 && !strcmp(have.buf, hash.buf))
				strbuf_addstr(out, "; allowed with 'vswitch allow'");
			else
				strbuf_addstr(out, "; allowed, but changed since");
			break;
		}
	}
	strbuf_addch(out, '\n');
	strbuf_release(&hash);
	strbuf_release(&have);
}

int cmd_status(struct cmd_ctx *c)
{
	const struct engine_input *in = &c->in;
	const struct config *cfg = &c->cfg;
	struct state st;
	struct found f;

	state_init(&st);
	if (state_decode(&st, in->state) < 0) {
		strbuf_addf(c->out, "state:     $%s is malformed; treated as empty\n",
			    STATE_VAR);
	} else if (in->state && *in->state &&
		   (!st.has_uid || st.uid != (unsigned long)geteuid())) {
		/* as the hook judges it: another user's state is dropped */
		if (st.has_uid)
			strbuf_addf(c->out, "state:     $%s was made by uid %lu, not by "
				    "you; ignored\n", STATE_VAR, st.uid);
		else
			strbuf_addf(c->out, "state:     $%s names no user (an older "
				    "format); ignored\n", STATE_VAR);
		state_free(&st);
		state_init(&st);
	}
	strbuf_addf(c->out, "directory: %s\n", in->pwd);
	show_active(c->out, in, &st);
	discover(&f, cfg, in->pwd);
	show_found(c->out, &f);
	show_trust(c->out, cfg, &f);
	if (cfg->path.len)
		strbuf_addf(c->out, "config:    %s%s\n", cfg->path.buf,
			    cfg->found ? "" : " (not found: built-in defaults)");
	else
		strbuf_addf(c->out, "config:    none (%s): built-in defaults\n",
			    paths_no_home());
	found_free(&f);
	state_free(&st);
	return 0;
}
