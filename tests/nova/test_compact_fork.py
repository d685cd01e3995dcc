"""A fork while another thread decodes a compact value (the server writes its cache from a forked child) leaves the
child a usable lock: the fork waits for the other thread's section to end."""

from __future__ import annotations

import os
import threading
import time

from nova import compact


def test_a_child_forked_while_another_thread_holds_the_decoding_lock_can_take_it() -> None:
    holding = threading.Event()

    def hold() -> None:
        with compact._LOCK:
            holding.set()
            time.sleep(0.3)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    child = os.fork()
    if child == 0:
        os._exit(0 if compact._LOCK.acquire(timeout=5) else 1)
    _, status = os.waitpid(child, 0)
    thread.join()
    assert os.waitstatus_to_exitcode(status) == 0
