"""``python -m pipeline`` and the ``lakip`` command.

A tiny module on purpose: importing the CLI (polars, DuckDB, pandera) takes a second or
more on a busy machine, and a Ctrl-C during that import would otherwise end in a
KeyboardInterrupt traceback and death by the signal (exit -2/130) instead of the plain
message and exit 1 of every other Ctrl-C (docs/robustness.md).
"""

from __future__ import annotations

import os
import sys

from pipeline.interrupt import forget_interrupt

STARTED_NOTHING = (
    "Dihentikan sebelum lakip mulai; belum ada yang ditulis. / "
    "Interrupted before lakip started; nothing was written."
)


def main() -> None:
    try:
        from pipeline.cli import main as run
    except KeyboardInterrupt:
        forget_interrupt()
        sys.stderr.write(f"Error: {STARTED_NOTHING}\n")
        sys.stderr.flush()
        # Nothing was opened or started yet. Ending at once skips a shutdown that could
        # touch half-imported extension modules (DuckDB's aborts when asked to register
        # its types a second time).
        os._exit(1)
    run()


if __name__ == "__main__":
    main()
