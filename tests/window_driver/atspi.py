#!/usr/bin/python3
"""What a screen reader sees of Harvest, through AT-SPI (pyatspi), for tests/window_accessibility.rs.

Run with the system python (/usr/bin/python3, which has python3-pyatspi) and the
DBUS_SESSION_BUS_ADDRESS of the bus the app was started on. Every command waits up to
--timeout seconds (default 15) for Harvest to be on the accessibility bus.

  atspi.py tree                        every object of Harvest's window, one a line:
                                       depth, role, name, states, attributes, text (tab-separated)
  atspi.py dump                        the same, indented, for people
  atspi.py frame-name                  the accessible name of Harvest's frame
  atspi.py find-name-prefix PREFIX     objects whose name or text starts with PREFIX (waits)
  atspi.py role-state NAME             role and states of the objects whose name is NAME (waits)
  atspi.py center NAME                 the middle of the first object named NAME, in the window's
                                       coordinates ("x y"), to click it with xdotool (waits)
  atspi.py watch-announcement PREFIX   prints "listening", then waits for a polite
                                       object:announcement event (what Orca speaks for a live
                                       region) whose text starts with PREFIX; prints every
                                       announcement it heard

Exit status: 0 when found, 1 (with what was found instead on stderr) when not, 2 for misuse.
"""

import signal
import sys
import time

import pyatspi

APP_NAME = "harvest"


def fail(message, status=1):
    sys.stderr.write(message.rstrip("\n") + "\n")
    sys.exit(status)


def clean(text):
    """One line, tab-free: names may hold newlines or tabs."""
    return (text or "").replace("\t", " ").replace("\r", " ").replace("\n", "\\n")


def harvest_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and (app.name or "").lower() == APP_NAME:
            return app
    return None


def harvest_frame():
    app = harvest_app()
    if app is None:
        return None
    for child in app:
        if child is not None and child.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW):
            return child
    return None


def applications():
    desktop = pyatspi.Registry.getDesktop(0)
    return [clean(app.name) if app is not None else "?" for app in desktop]


def wait_for_frame(timeout):
    start = time.monotonic()
    while True:
        frame = harvest_frame()
        if frame is not None:
            return frame
        if time.monotonic() - start > timeout:
            fail(
                f"no Harvest frame on the accessibility bus after {timeout}s; "
                f"applications there: {applications()}"
            )
        time.sleep(0.2)


def states_of(obj):
    try:
        return sorted(pyatspi.stateToString(s) for s in obj.getState().getStates())
    except Exception as error:  # noqa: BLE001 - an object gone mid-walk
        return [f"error:{error}"]


def attributes_of(obj):
    try:
        return sorted(obj.getAttributes())
    except Exception:  # noqa: BLE001
        return []


def text_of(obj):
    try:
        text = obj.queryText()
    except NotImplementedError:
        return ""
    except Exception:  # noqa: BLE001
        return ""
    try:
        return text.getText(0, -1)
    except Exception:  # noqa: BLE001
        return ""


def walk(obj, depth=0):
    """(depth, role, name, states, attributes, text) for obj and everything under it."""
    try:
        role = obj.getRoleName()
        name = obj.name or ""
    except Exception:  # noqa: BLE001
        return
    yield depth, role, name, states_of(obj), attributes_of(obj), text_of(obj)
    try:
        children = list(obj)
    except Exception:  # noqa: BLE001
        children = []
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1)


def find_object(obj, name):
    """The first object named `name` under obj (obj included), or None."""
    try:
        if obj.name == name:
            return obj
        children = list(obj)
    except Exception:  # noqa: BLE001
        return None
    for child in children:
        if child is not None:
            found = find_object(child, name)
            if found is not None:
                return found
    return None


def rows(frame):
    return list(walk(frame))


def row_line(row):
    depth, role, name, states, attributes, text = row
    return "\t".join(
        [
            str(depth),
            clean(role),
            clean(name),
            ",".join(states),
            ",".join(clean(a) for a in attributes),
            clean(text if text != name else ""),
        ]
    )


def short(row):
    depth, role, name, states, attributes, text = row
    shown = [s for s in states if s in ("checked", "selected", "focused", "expanded", "pressed")]
    extra = f" text={text!r}" if text and text != name else ""
    attrs = f" {attributes}" if attributes else ""
    return f"[{role}] {name!r} {' '.join(shown)}{attrs}{extra}"


def wait_for_rows(timeout, matches, what):
    start = time.monotonic()
    while True:
        frame = wait_for_frame(timeout)
        found = [row for row in rows(frame) if matches(row)]
        if found:
            return found
        if time.monotonic() - start > timeout:
            fail(f"no object {what} after {timeout}s")
        time.sleep(0.3)


# AT-SPI's Politeness, in an announcement's detail1 (AccessKit's Live::Polite is 1).
POLITENESS = {0: "none", 1: "polite", 2: "assertive"}


def watch_announcement(prefix, timeout):
    wait_for_frame(timeout)
    heard = []
    found = []

    def on_event(event):
        text = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
        try:
            source = f"{event.source.getRoleName()} {event.source.name!r}"
        except Exception:  # noqa: BLE001
            source = "?"
        politeness = POLITENESS.get(event.detail1, str(event.detail1))
        heard.append(f"{event.type} {politeness} {text!r} from {source}")
        print(heard[-1], flush=True)
        if text.startswith(prefix) and politeness == "polite":
            found.append(text)
            pyatspi.Registry.stop()

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")

    def give_up(*_):
        pyatspi.Registry.stop()

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(int(timeout))
    # The listener is registered with the registry before this line is read.
    print("listening", flush=True)
    pyatspi.Registry.start()
    signal.alarm(0)
    if not found:
        fail(
            f"no polite object:announcement starting {prefix!r} within {timeout}s; "
            f"heard {len(heard)}: {heard}"
        )


def main(argv):
    timeout = 15.0
    if len(argv) >= 2 and argv[0] == "--timeout":
        timeout = float(argv[1])
        argv = argv[2:]
    if not argv:
        fail(__doc__, 2)
    command, args = argv[0], argv[1:]
    if command == "tree":
        for row in rows(wait_for_frame(timeout)):
            print(row_line(row))
    elif command == "dump":
        for row in rows(wait_for_frame(timeout)):
            print("  " * row[0] + short(row))
    elif command == "frame-name":
        print(wait_for_frame(timeout).name or "")
    elif command == "find-name-prefix" and len(args) == 1:
        prefix = args[0]
        found = wait_for_rows(
            timeout,
            lambda row: row[2].startswith(prefix) or row[5].startswith(prefix),
            f"whose name or text starts with {prefix!r}",
        )
        for row in found:
            print(row_line(row))
    elif command == "role-state" and len(args) == 1:
        name = args[0]
        found = wait_for_rows(timeout, lambda row: row[2] == name, f"named {name!r}")
        for row in found:
            print(row_line(row))
    elif command == "center" and len(args) == 1:
        name = args[0]
        start = time.monotonic()
        while True:
            found = find_object(wait_for_frame(timeout), name)
            if found is not None:
                box = found.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                print(f"{box.x + box.width // 2} {box.y + box.height // 2}")
                break
            if time.monotonic() - start > timeout:
                fail(f"no object named {name!r} after {timeout}s")
            time.sleep(0.3)
    elif command == "watch-announcement" and len(args) == 1:
        watch_announcement(args[0], timeout)
    else:
        fail(__doc__, 2)


if __name__ == "__main__":
    main(sys.argv[1:])
