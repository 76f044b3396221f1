#!/usr/bin/env bash
# Commit what `goodpractice intake` wrote and push it to the issue's branch, replacing the
# previous intake (the issue was edited), but never a branch someone changed by hand: every
# commit on it must carry this issue's "Intake-Issue" trailer, and the push is refused if the
# branch moved meanwhile (--force-with-lease).
#
# Usage: push-proposal.sh BRANCH ISSUE BASE   (REMOTE: where to push, default origin)
# Prints pushed | unchanged | edited-by-hand, and writes state=... to $GITHUB_OUTPUT if set.
set -euo pipefail
branch="$1" issue="$2" base="$3"
remote="${REMOTE:-origin}"
say() {
  echo "$1"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "state=$1" >>"$GITHUB_OUTPUT"; fi
}

lease="$branch:"  # the branch must not exist yet...
if head=$(git ls-remote --heads "$remote" "refs/heads/$branch" | cut -f1) && [ -n "$head" ]; then
  git fetch -q "$remote" "refs/heads/$branch"
  total=$(git rev-list --count "$base..FETCH_HEAD")
  ours=$(git log --format='%(trailers:key=Intake-Issue,valueonly)' "$base..FETCH_HEAD" | grep -cx "$issue" || true)
  if [ "$total" != "$ours" ]; then
    say edited-by-hand
    exit 0
  fi
  lease="$branch:$head"  # ...or must still be where we saw it
fi

git switch -q -C "$branch"
git add -A practices/
git -c user.name="github-actions[bot]" \
    -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit -q -m "Case study from issue #$issue (goodpractice intake)" --trailer "Intake-Issue: $issue"
if [ -n "${head:-}" ] && [ "$(git rev-parse 'HEAD^{tree}')" = "$(git rev-parse 'FETCH_HEAD^{tree}')" ]; then
  say unchanged  # an edit of the issue that changes nothing in the files
  exit 0
fi
git push -q --force-with-lease="$lease" "$remote" "HEAD:refs/heads/$branch"
say pushed
