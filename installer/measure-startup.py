#!/usr/bin/env python3
"""Times Clearframe's cold start: from launching a command to the moment X maps its first real window.

Usage: measure-startup.py [--runs N] [--linger SECONDS] [--timeout SECONDS] [--until-title TEXT] [--env NAME=VALUE ...]
                          -- COMMAND [ARG ...] [-- COMMAND2 [ARG ...] ...]
Needs an X display in $DISPLAY (Xvfb is fine) and libX11. Each run is a new process; the window is
detected by listening for MapNotify on the root window (no polling, so no sampling delay), then the
process is stopped and the next run starts. Prints one line per run and the median per command: wall
time, and the CPU time (user + system, all threads) the process had used when its window appeared. CPU
time barely moves when other work shares the machine, so it is the fairer figure for comparing variants
on a busy box; wall time is what a producer feels.

--until-title TEXT times until the window's title contains TEXT instead of until it is mapped. Clearframe names
the file in its title once the file's first screen (its first shots) is laid out, so with the file's name this
measures "launch to a usable shots table" for a double-clicked production.

--linger keeps the app running that long after its window appears before stopping it (SIGTERM, so the
JVM exits normally); installer/build.sh uses one such run as the training run for the AOT cache, which
the JVM writes on exit. --timeout (default 60 s) is how long to wait for the window.
With several commands the runs are interleaved (A B A B ...), so a busy neighbour on a shared machine
slows every variant alike instead of skewing one of them.

Standard library only (ctypes over libX11), so it runs on a fresh machine without pip.
"""
import ctypes
import ctypes.util
import os
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time

MAP_NOTIFY = 19
PROPERTY_NOTIFY = 28
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
PROPERTY_CHANGE_MASK = 1 << 22


class MapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", MapEvent), ("pad", ctypes.c_long * 24)]


ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_ignore_x_errors = ERROR_HANDLER(lambda display, error: 0)


def load_x11():
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x11.XPending.argtypes = [ctypes.c_void_p]
    x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
    x11.XSetErrorHandler.argtypes = [ERROR_HANDLER]
    x11.XSetErrorHandler(_ignore_x_errors)  # a window may vanish before we ask its size; not fatal
    x11.XGetWMName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XGetGeometry.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong)] + \
        [ctypes.POINTER(ctypes.c_int)] * 2 + [ctypes.POINTER(ctypes.c_uint)] * 4
    return x11


def window_size(x11, display, window):
    root = ctypes.c_ulong()
    x, y = ctypes.c_int(), ctypes.c_int()
    w, h, border, depth = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    x11.XGetGeometry(display, window, ctypes.byref(root), ctypes.byref(x), ctypes.byref(y),
                     ctypes.byref(w), ctypes.byref(h), ctypes.byref(border), ctypes.byref(depth))
    return w.value, h.value


class TextProperty(ctypes.Structure):
    _fields_ = [("value", ctypes.c_void_p), ("encoding", ctypes.c_ulong), ("format", ctypes.c_int), ("nitems", ctypes.c_ulong)]


def window_title(x11, display, window):
    # WM_NAME in whatever encoding the toolkit chose (GTK uses COMPOUND_TEXT for a title that is not Latin-1, which
    # XFetchName refuses); its ASCII bytes are ASCII in every one of them, which is all --until-title needs.
    prop = TextProperty()
    if not x11.XGetWMName(display, window, ctypes.byref(prop)) or not prop.value:
        return ""
    title = ctypes.string_at(prop.value, prop.nitems).decode("utf-8", errors="replace")
    x11.XFree(prop.value)
    return title


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # utime, stime, cutime, cstime are fields 14-17; after the ")" split they start at index 11.
        return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def one_run(x11, display, command, env, timeout, linger=0.0, until_title=None):
    event = XEvent()
    while x11.XPending(display):  # drop anything left over from the previous run
        x11.XNextEvent(display, ctypes.byref(event))
    start = time.monotonic()
    # Output goes to a file, not a pipe: nobody reads a pipe while waiting, and a full one would stall the app.
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    fd = x11.XConnectionNumber(display)
    shown = None
    watched = set()  # the app's windows, once mapped, whose title is watched for until_title
    try:
        while shown is None:
            left = start + timeout - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                break
            if not x11.XPending(display):
                select.select([fd], [], [], min(left, 0.05))
                continue
            x11.XNextEvent(display, ctypes.byref(event))
            if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                w, h = window_size(x11, display, event.xmap.window)
                if w >= 50 and h >= 50:  # skip toolkit helper windows
                    if until_title is None:
                        shown = (time.monotonic() - start, cpu_seconds(proc.pid))
                    else:
                        window = event.xmap.window
                        watched.add(window)
                        x11.XSelectInput(display, window, PROPERTY_CHANGE_MASK)
                        x11.XFlush(display)
                        if until_title in window_title(x11, display, window):  # named before we listened
                            shown = (time.monotonic() - start, cpu_seconds(proc.pid))
            elif event.type == PROPERTY_NOTIFY and event.xmap.event in watched:
                # PropertyNotify's window field sits where MapNotify's event field does
                if until_title in window_title(x11, display, event.xmap.event):
                    shown = (time.monotonic() - start, cpu_seconds(proc.pid))
        if shown is not None and linger > 0:
            time.sleep(linger)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                # Generous: a JVM asked to write an AOT cache assembles it on exit, in a child JVM.
                proc.wait(300)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    if shown is None:
        log.seek(0)
        err = log.read().decode(errors="replace")[-2000:]
        raise SystemExit(f"measure-startup: no window within {timeout}s (exit {proc.returncode})\n{err}")
    return shown


def main(argv):
    runs, linger, timeout, extra_env, until_title = 5, 0.0, 60.0, {}, None
    while argv and argv[0] != "--":
        opt = argv.pop(0)
        if opt == "--runs":
            runs = int(argv.pop(0))
        elif opt == "--linger":
            linger = float(argv.pop(0))
        elif opt == "--timeout":
            timeout = float(argv.pop(0))
        elif opt == "--until-title":
            until_title = argv.pop(0)
        elif opt == "--env":
            name, _, value = argv.pop(0).partition("=")
            extra_env[name] = value
        else:
            raise SystemExit(f"measure-startup: unknown option {opt}\n{__doc__}")
    commands = []
    for token in argv:
        if token == "--":
            commands.append([])
        else:
            commands[-1].append(token)
    if not commands or not all(commands):
        raise SystemExit(__doc__)
    if not os.environ.get("DISPLAY"):
        raise SystemExit("measure-startup: no DISPLAY (start Xvfb first)")
    x11 = load_x11()
    display = x11.XOpenDisplay(None)
    if not display:
        raise SystemExit(f"measure-startup: cannot open display {os.environ['DISPLAY']}")
    x11.XSelectInput(display, x11.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    x11.XFlush(display)
    env = dict(os.environ, **extra_env)
    times = [[] for _ in commands]
    cpus = [[] for _ in commands]
    for i in range(runs):
        for c, command in enumerate(commands):
            t, cpu = one_run(x11, display, command, env, timeout=timeout, linger=linger, until_title=until_title)
            times[c].append(t)
            cpus[c].append(cpu)
            print(f"run {i + 1}: {t:.3f} s wall, {cpu:.2f} s cpu  {' '.join(command)}", flush=True)
            time.sleep(0.5)
    load = os.getloadavg()[0]
    for command, ts, cs in zip(commands, times, cpus):
        print(f"median of {runs}: {statistics.median(ts):.3f} s wall (min {min(ts):.3f}, max {max(ts):.3f}),"
              f" {statistics.median(cs):.2f} s cpu  {' '.join(command)}")
    print(f"load average (1 min) at the end: {load:.2f} on {os.cpu_count()} cpus")

if __name__ == "__main__":
    main(sys.argv[1:])
