"""A child process for the durability tests: records progress events and reports each one.

    python tests/store_worker.py URL PLAN_ID COUNT [gate]

Records COUNT events (0: until killed) on the local user's plan PLAN_ID and prints each
event's seq on its own line, only after ``record_event`` has returned, that is after COMMIT:
a printed seq is an acknowledged event. With ``gate`` it opens the store, then waits for a
line on stdin before writing (after printing "ready"), so that two workers start writing at
the same moment.
"""

from __future__ import annotations

import os
import sys
import time

from aicareers.engine.plans.model import EventStatus
from aicareers.store import Store

STEPS = ("learn-1", "learn-2", "learn-3", "project-portfolio")
STATUSES: tuple[EventStatus, ...] = ("in_progress", "done", "reopened", "skipped")
# A breath between events, as a person (or a web request) leaves: without it one writer can
# take SQLite's lock again before the other's busy handler wakes up, and they barely overlap.
PAUSE = 0.001


def main(argv: list[str]) -> None:
    """Record and report events until COUNT is reached or the process is killed."""
    url, plan_id, count = argv[1], int(argv[2]), int(argv[3])
    with Store.open(url) as store:
        user = store.local_user()
        if argv[4:] == ["gate"]:
            print("ready", flush=True)
            sys.stdin.readline()
        n = 0
        while count == 0 or n < count:
            event = store.record_event(
                user, plan_id, STEPS[n % len(STEPS)], STATUSES[n % len(STATUSES)],
                note=f"{os.getpid()}:{n}",
            )  # fmt: skip
            # One short write per line: a pipe never splits it, so a line is all or nothing.
            sys.stdout.write(f"{event.seq}\n")
            sys.stdout.flush()
            n += 1
            time.sleep(PAUSE)


if __name__ == "__main__":
    main(sys.argv)
