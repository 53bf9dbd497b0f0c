#!/usr/bin/env bash
# The SIGKILL campaign (examples/.../KillCampaignIT): for each kind of work (initial mail, uploads, folder
# renames, groupware edits, documents, and "profile": the first sync of one CLI profile of Dovecot + Radicale +
# nginx, mail, groupware and documents together) a real sync process is killed at 20 random moments against the peer
# servers, then run to the end; both sides must hold everything exactly once. Builds the CLI jar on the way
# (reactor build, nothing installed into ~/.m2). Needs .ci/peers-up.sh first.
#   usage: bench/kill-campaign.sh [-Dicesync.kill.seed=N] [-Dicesync.kill.count=N] [-Dit.test=KillCampaignIT#uploads|#oneProfile]
# Figures: examples/target/kill-campaign/figures.txt; each kind's process output: <kind>.log beside it.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
export ICESYNC_SHARED=${ICESYNC_SHARED:-$(dirname "$REPO")/shared}
rm -rf examples/target/kill-campaign
mvn -B -ntp -pl examples -am -Pinterop verify -Dicesync.kill.campaign=true \
    -Dit.test=KillCampaignIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
status=$?
echo
cat examples/target/kill-campaign/figures.txt 2>/dev/null || echo "no figures (the campaign did not run)"
exit $status
