from vaaldstod.vault import UnlockThrottle


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def test_delay_grows_after_repeated_wrong_passphrases_and_resets():
    clock = Clock()
    throttle = UnlockThrottle(clock)
    delays = [throttle.failed() for _ in range(9)]
    assert delays[:2] == [0, 0]
    assert delays[2:] == sorted(delays[2:]) and delays[2] > 0
    assert delays[-1] == 60
    assert throttle.remaining() == 60
    clock.t += 59
    assert 0 < throttle.remaining() <= 1
    throttle.succeeded()
    assert throttle.remaining() == 0 and throttle.failed() == 0
