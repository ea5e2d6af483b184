#!/usr/bin/env bash
# Check the syntax of every shell's hook and completion files, each with
# the shell's own checker, as its end-to-end adapter says (sh_lint).
set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
export ROOT
rc=0
for f in "$E2E_DIR"/shells/*.sh; do
	(
		# shellcheck source=/dev/null
		. "$f"
		if ! sh_installed; then
			# a shell make deps may fail to get (sh_optional) is skipped
			why=$(sh_optional 2>/dev/null) && { echo "lint: ${f##*/}: skipped, not installed: $why"; exit 0; }
			echo "lint: ${f##*/}: the shell is not installed (make deps)"
			exit 1
		fi
		sh_lint
	) || { echo "lint: ${f##*/}: failed"; rc=1; }
done
exit $rc
