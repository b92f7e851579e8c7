"""The timeline a campaign page shows: the organisers' entries with the past hearings merged in."""

from dataclasses import dataclass, field

from campaigns.dates import DatePrecision


@dataclass
class Step:
    """A dated step of the timeline: an organiser's entry, the hearings of its day, or both."""

    entry: object = None
    hearings: list = field(default_factory=list)

    @property
    def place_date(self):
        if self.entry is None:
            return self.hearings[0].starts_on
        return self.entry.sort_date or self.entry.starts_on


def with_hearings(entries, hearings):
    """`entries` in their order, each past hearing joining the entry dated exactly its day (the
    day is not shown twice), or else standing as a step of its own at its date."""
    steps = [Step(entry) for entry in entries]
    by_day = {
        step.entry.starts_on: step
        for step in steps
        if step.entry.precision == DatePrecision.DAY and not step.entry.is_range
    }
    for hearing in sorted(hearings, key=lambda hearing: (hearing.starts_at, hearing.pk)):
        if hearing.starts_on not in by_day:
            by_day[hearing.starts_on] = Step()
            steps.append(by_day[hearing.starts_on])
        by_day[hearing.starts_on].hearings.append(hearing)
    # A stable sort: entries keep the order the organisers gave those of the same date.
    return sorted(steps, key=lambda step: step.place_date)
