/* note: a problem with a file (or a setting) is reported once per
 * version of it, not at every cd. A note's id is a hash of what it is
 * about (a file's path and bytes, a variable's name and value); the
 * state keeps the ids of the notes reported (state.h, NOTED), and a run
 * that meets the same problem again says nothing. */
#ifndef NOTE_H
#define NOTE_H

#include <stddef.h>

#include "strbuf.h"

/* Start a run: forget every note, then take as reported the ids in
 * noted ("ID,ID", from the state; NULL for none). */
void note_begin(const char *noted);
/* Append the id of a note about what (kind, then len bytes of data). */
void note_id(struct strbuf *id, const char *kind, const char *what,
	     const void *data, size_t len);
/* Whether the note id was reported already, before or in this run. */
int note_seen(const char *id);
/* Keep the note id for the next state: its problem was met in this run
 * (and reported now, or before). */
void note_keep(const char *id);
/* Append the ids kept in this run, joined by ','. */
void note_list(struct strbuf *out);
/* Whether the problem id is to be reported now; it is kept either way. */
int note_fresh(const char *id);

#endif
