"""Progress of long work on a terminal: a bar (done, rate, time left, the current file) when a person watches,
plain lines now and then when the output goes to a file or a pipe."""

import time

from tqdm import tqdm

PLAIN_EVERY = 100  # items between two plain progress lines


class TerminalProgress:
    """A progress callback, `(done, total, current="")`, for a management command's stderr."""

    def __init__(self, stream, unit: str, enabled: bool = True, every: int = PLAIN_EVERY):
        self.stream, self.unit, self.enabled, self.every = stream, unit, enabled, every
        self.bar = None
        self.started = time.monotonic()
        self.interactive = enabled and hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done: int, total: int, current: str = "") -> None:
        if not self.enabled:
            return
        if self.interactive:
            if self.bar is None:
                self.bar = tqdm(total=total, unit=f" {self.unit}", file=getattr(stream := self.stream, "_out", stream),
                                dynamic_ncols=True, leave=True)
            self.bar.set_postfix_str(current[-40:], refresh=False)
            self.bar.update(done - self.bar.n)
            if done == total:
                self.close()
        elif total >= self.every and done and (done % self.every == 0 or done == total):
            elapsed = time.monotonic() - self.started
            rate = done / elapsed if elapsed else 0.0
            left = (total - done) / rate if rate else 0.0
            self.stream.write(f"  {done}/{total} {self.unit} ({rate:.1f}/s, {_clock(elapsed)} elapsed, about {_clock(left)} left)")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class BuildProgress:
    """A build's progress, `(done, total, unit="articles")`: the articles read, then the events compared again
    (the build's last step, which takes minutes on a large archive), each on its own bar or lines."""

    def __init__(self, stream, enabled: bool = True):
        self.stream, self.enabled = stream, enabled
        self.stages = {"articles": TerminalProgress(stream, "articles", enabled)}

    def __call__(self, done: int, total: int, unit: str = "articles") -> None:
        if unit == "events" and unit not in self.stages:  # its clock starts with the step (the build says 0 done)
            self.stages["articles"].close()
            # The build tells of these a batch at a time: a plain line for each.
            self.stages[unit] = TerminalProgress(self.stream, "events compared again", self.enabled, every=1)
        self.stages[unit](done, total)

    def close(self) -> None:
        for stage in self.stages.values():
            stage.close()


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"
