/* state: what vswitch did to this shell, kept in $VSWITCH_STATE so that
 * it can be undone, even by a new shell that inherited the environment.
 *
 * Format: "2:UID:MODE:ENV:DIR:PYTHONHOME:LABEL:REFUSED:NOTED". Every
 * field is percent-encoded (bytes outside printable ASCII, '%' and ':'),
 * so any byte string fits and the value stays one printable line. UID
 * is the user who made the state, in decimal: a state inherited from
 * another user (sudo -E) is not acted on. MODE is 'a' (automatic), 'o'
 * (off inside DIR) or 'u' (an env chosen with `use`). ENV is the env
 * whose bin/ vswitch put on PATH, empty when none. PYTHONHOME is "-"
 * when it was unset before activation, else "=" and the old value.
 * REFUSED is the .venvrc or venv folder last reported as refused, so
 * that the report comes once on entering its project rather than at
 * every cd inside it. NOTED lists, separated by ',', the notes (note.h)
 * already reported: each a hash of 16 hex digits. The older format
 * "1:MODE:ENV:DIR:PYTHONHOME:LABEL[:REFUSED]" reads as a state of no
 * known user. A value that does not parse is treated as no state. */
#ifndef STATE_H
#define STATE_H

#include "strbuf.h"

#define STATE_VAR "VSWITCH_STATE"

enum state_mode { MODE_AUTO = 'a', MODE_OFF = 'o', MODE_USE = 'u' };

struct state {
	int has_uid;			/* 0: the older format, no user */
	unsigned long uid;		/* the user who made it */
	enum state_mode mode;
	struct strbuf env;		/* active env, "" for none */
	struct strbuf dir;		/* for MODE_OFF: where the off holds */
	int had_pythonhome;		/* PYTHONHOME was set before activation */
	struct strbuf pythonhome;	/* its value then */
	struct strbuf label;		/* prompt label of the active env */
	struct strbuf refused;		/* entry last reported refused, or "" */
	struct strbuf noted;		/* "ID,ID": notes reported, or "" */
};

/* Empty state: automatic mode, nothing active, made by this user. */
void state_init(struct state *st);
/* Free what st holds. */
void state_free(struct state *st);
/* Parse value (may be NULL) into st; returns 0, or -1 (st left empty)
 * when the value is malformed. */
int state_decode(struct state *st, const char *value);
/* Append the encoded form of st. */
void state_encode(const struct state *st, struct strbuf *out);
/* Whether st holds nothing worth keeping (no env, automatic mode, no
 * refusal or note reported). */
int state_is_empty(const struct state *st);

#endif
