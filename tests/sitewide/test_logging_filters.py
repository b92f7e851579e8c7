import logging

from config import logging_filters
from config.logging_filters import OncePerInterval


def record():
    return logging.LogRecord("django_redis.cache", logging.ERROR, __file__, 1, "down", None, None)


def test_one_record_a_minute_goes_through_and_the_others_are_dropped(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(logging_filters.time, "monotonic", lambda: clock[0])
    once_a_minute = OncePerInterval(seconds=60)

    passed = []
    for second in range(0, 150, 5):  # a failure every 5 seconds for two and a half minutes
        clock[0] = 1000.0 + second
        passed.append(once_a_minute.filter(record()))

    assert passed.count(True) == 3
    assert [second for second, ok in zip(range(0, 150, 5), passed, strict=True) if ok] == [
        0,
        60,
        120,
    ]
