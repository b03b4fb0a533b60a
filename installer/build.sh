#!/usr/bin/env bash
# Builds Clearframe as a native app with its own trimmed Java runtime: Maven builds the jars, jdeps finds
# the JDK modules they use, jlink makes a runtime of just those, and jpackage wraps runtime and jars into an
# app image and, from that, an installer. Documented in installer/README.md.
#
#   installer/build.sh                      .deb on Linux (.msi on Windows, .dmg on macOS)
#   installer/build.sh --type app-image     only the app image
#   installer/build.sh --type app-image --check
#                                           CI check: app image with its AOT cache (trained on the
#                                           command-line verbs, and on the window when Xvfb is there),
#                                           then its launcher must start with the cache and print the version
#
# Options: --type deb|rpm|app-image|msi|exe|dmg|pkg   --check   --no-aot   --skip-maven
#          --app-version X.Y.Z (jpackage needs plain numbers; macOS also needs X >= 1)
# Environment: JAVA_HOME (used if it is a JDK 21+ with jlink and jpackage), CLEARFRAME_LOCALES,
#              CLEARFRAME_DEB_MAINTAINER, CLEARFRAME_TRAIN_ARGS (app arguments for the AOT training
#              run; default: none, the window opens on the training run's large production).
# Output: target/installer/ (app image and package). Intermediate files: target/installer-work/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

name=Clearframe                      # launcher and app name; the Linux package is "clearframe"
main_class=org.clearframe.Launcher
vendor=Clearframe
description="Plan where generative AI touches a production, shot by shot, and get it signed off."
# Locale data for dates and numbers in the producer's language (all of it would add ~27 MB).
locales="${CLEARFRAME_LOCALES:-en,de,fr,es,it,nl,pt,sv,da,nb,fi,pl,cs,ja,ko,zh}"
# .invalid is reserved: a placeholder until the project has a packaging contact.
deb_maintainer="${CLEARFRAME_DEB_MAINTAINER:-packaging@clearframe.invalid}"
# Fixed forever: Windows Installer recognises upgrades of the same product by this id.
win_upgrade_uuid=ddaed514-eebc-4e03-92e7-86e5b1a4dedb

say() { echo "build.sh: $*"; }
die() { echo "build.sh: $*" >&2; exit 1; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) die "unsupported system $(uname -s)" ;;
esac

type="" check=false aot=true skip_maven=false app_version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --type) [ $# -ge 2 ] || die "--type needs a value"; type="$2"; shift 2 ;;
    --check) check=true; shift ;;
    --no-aot) aot=false; shift ;;
    --skip-maven) skip_maven=true; shift ;;
    --app-version) [ $# -ge 2 ] || die "--app-version needs a value"; app_version="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option '$1' (try --help)" ;;
  esac
done
if [ -z "$type" ]; then
  case "$os" in linux) type=deb ;; windows) type=msi ;; macos) type=dmg ;; esac
fi
case "$os:$type" in
  *:app-image | linux:deb | linux:rpm | windows:msi | windows:exe | macos:dmg | macos:pkg) ;;
  *) die "--type $type cannot be built on $os (jpackage builds only the current system's packages)" ;;
esac
if $check; then
  [ "$type" = app-image ] || die "--check builds only the app image: use --type app-image --check"
fi

started=$SECONDS
step() { say "[$((SECONDS - started))s] $*"; }

# --- Tools --------------------------------------------------------------------------------------------
# Debian packages this build uses; installed when missing if we are root on an apt system (as .ci/run does).
need_pkgs=()
want_pkg() { dpkg -s "$1" >/dev/null 2>&1 || need_pkgs+=("$1"); }
if [ "$os" = linux ] && command -v dpkg >/dev/null 2>&1; then
  [ "$type" = deb ] && { want_pkg fakeroot; want_pkg binutils; }
  if $aot; then
    # The AOT cache is trained by starting the app once on a virtual display.
    for p in xvfb libgtk-3-0 libgl1 fontconfig fonts-dejavu-core python3; do want_pkg "$p"; done
  fi
  if [ ${#need_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      step "installing ${need_pkgs[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
    else
      say "missing Debian packages: ${need_pkgs[*]} (sudo apt-get install -y ${need_pkgs[*]})"
    fi
  fi
fi

# Feature version (21, 25, ...) of the JDK at $1, or nothing if it is not a JDK with jlink and jpackage.
jdk_feature() {
  [ -f "$1/release" ] || return 0
  [ -e "$1/bin/jlink" ] || [ -e "$1/bin/jlink.exe" ] || return 0
  [ -e "$1/bin/jpackage" ] || [ -e "$1/bin/jpackage.exe" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
jdk="" feature=0
java_home_feature=""
[ -z "${JAVA_HOME:-}" ] || java_home_feature="$(jdk_feature "$JAVA_HOME")"
if [ -n "$java_home_feature" ] && [ "$java_home_feature" -ge 21 ]; then
  jdk="$JAVA_HOME" feature="$java_home_feature"
else
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    f="$(jdk_feature "$candidate")"
    if [ -n "$f" ] && [ "$f" -ge 21 ] && [ "$f" -gt "$feature" ]; then jdk="$candidate" feature="$f"; fi
  done
fi
[ -n "$jdk" ] || die "no JDK 21+ with jlink and jpackage found: set JAVA_HOME to one"
step "using JDK $feature at $jdk"

# --- Jars ---------------------------------------------------------------------------------------------
if ! $skip_maven; then
  step "mvn package"
  mvn_log="$(mktemp)"
  rm -rf target/lib   # Maven adds the jars it copies there to those of earlier builds: an old version would ship too
  if ! mvn -B -ntp -q -DskipTests package >"$mvn_log" 2>&1; then
    cat "$mvn_log" >&2; rm -f "$mvn_log"; die "mvn package failed"
  fi
  rm -f "$mvn_log"
fi
version="$(sed -n 's/^version=//p' target/classes/org/clearframe/version.properties 2>/dev/null || true)"
[ -n "$version" ] || die "no target/classes/org/clearframe/version.properties: run without --skip-maven"
main_jar="clearframe-$version.jar"
[ -f "target/$main_jar" ] && [ -d target/lib ] ||
  die "target/$main_jar or target/lib missing: run without --skip-maven"
if [ -z "$app_version" ]; then
  app_version="${version%%-*}"   # 0.1.0-SNAPSHOT -> 0.1.0: installers want plain numbers
  if [ "$os" = macos ] && [ "${app_version%%.*}" = 0 ]; then
    die "macOS bundles need a version starting at 1 or more; pass --app-version (for example 1.0.0)"
  fi
fi

work=target/installer-work
out=target/installer
rm -rf "$work" && mkdir -p "$work/input/lib" "$out"

cp "target/$main_jar" "$work/input/"
for jar in target/lib/*.jar; do
  # Maven also resolves an empty, unclassified javafx-*.jar beside each platform jar; it holds no classes.
  if [[ "$(basename "$jar")" == javafx-* ]] && ! grep -q '\.class$' <<<"$("$jdk/bin/jar" tf "$jar")"; then
    continue
  fi
  cp "$jar" "$work/input/lib/"
done

# JavaFX runs from the class path, exactly as in the tests (ControlsFX reaches into JavaFX internals, which
# the class path allows without a list of --add-exports). Its native libraries ship inside the platform
# jars; JavaFX loads them from the jar's own directory when they are there, so unpack them next to the jars
# instead of letting every user's first start extract them into ~/.openjfx.
for jar in "$work"/input/lib/javafx-*.jar; do
  natives=$("$jdk/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dll|dylib)$' || true)
  [ -z "$natives" ] || (cd "$work/input/lib" && "$jdk/bin/jar" xf "$(basename "$jar")" $natives)
done

# sqlite-jdbc likewise unpacks its native library to the temp directory on every start (which fails where
# /tmp is mounted noexec); unpack this platform's copy once and point the driver at it.
java_opts=()
sqlite_jar=$(ls "$work"/input/lib/sqlite-jdbc-*.jar 2>/dev/null | head -1 || true)
case "$os:$(uname -m)" in
  linux:x86_64) sqlite_dir=Linux/x86_64 ;;
  linux:aarch64) sqlite_dir=Linux/aarch64 ;;
  macos:arm64) sqlite_dir=Mac/aarch64 ;;
  macos:x86_64) sqlite_dir=Mac/x86_64 ;;
  windows:*) sqlite_dir=Windows/x86_64 ;;
  *) sqlite_dir="" ;;
esac
sqlite_native=""
if [ -n "$sqlite_jar" ] && [ -n "$sqlite_dir" ]; then
  sqlite_native=$(grep -E -m1 "^org/sqlite/native/$sqlite_dir/[^/]+$" <<<"$("$jdk/bin/jar" tf "$sqlite_jar")" ||
    true)
fi
if [ -n "$sqlite_native" ]; then
  mkdir -p "$work/input/native" "$work/unpack"
  (cd "$work/unpack" && "$jdk/bin/jar" xf "$root/$sqlite_jar" "$sqlite_native")
  mv "$work/unpack/$sqlite_native" "$work/input/native/"
  java_opts+=(--java-options '-Dorg.sqlite.lib.path=$APPDIR/native'
              --java-options "-Dorg.sqlite.lib.name=$(basename "$sqlite_native")")
  # The jar also carries the library for some twenty other platforms (13 MB); with the path set it never
  # looks inside, so repack it without them.
  rm -rf "$work/unpack" && mkdir "$work/unpack"
  (cd "$work/unpack" && "$jdk/bin/jar" xf "$root/$sqlite_jar" && rm -rf org/sqlite/native)
  rm "$sqlite_jar"
  "$jdk/bin/jar" --create --file "$sqlite_jar" --manifest "$work/unpack/META-INF/MANIFEST.MF" \
    -C "$work/unpack" .
else
  say "warning: no sqlite native library for $os/$(uname -m); the driver will unpack its own at run time"
fi

# A bounded heap: the default (a quarter of the RAM) lets the JVM grow far past what the work needs before it
# collects. The command-line verbs stream their output and run 100,000-shot productions in 256 MB (the benchmark
# harness proves it); the desktop app holds an open production, so the bound leaves it room.
java_opts+=(--java-options '-Xmx1g')
# JavaFX's native loader and sqlite-jdbc call System.load from the class path (JDK 22+ warns otherwise).
java_opts+=(--java-options '--enable-native-access=ALL-UNNAMED')
# JavaFX 21 uses sun.misc.Unsafe; JDK 24+ would print a deprecation warning at the first use.
[ "$feature" -ge 23 ] && java_opts+=(--java-options '--sun-misc-unsafe-memory-access=allow')

# --- Runtime ------------------------------------------------------------------------------------------
step "jdeps: finding the JDK modules the jars use"
jars=("$work/input/$main_jar" "$work"/input/lib/*.jar)
modules=$("$jdk/bin/jdeps" --multi-release "$feature" --ignore-missing-deps --print-module-deps "${jars[@]}" \
  2>"$work/jdeps.err" | tail -1)
if ! [[ "$modules" =~ ^[a-z0-9.,]+$ ]]; then
  cat "$work/jdeps.err" >&2; die "jdeps did not report modules (got '$modules')"
fi
# Found by no static analysis: zip file systems (jdk.zipfs, opened by URI), locale data (service-loaded),
# and before JDK 22 the Ed25519 provider (jdk.crypto.ec; since 22 it is in java.base).
modules="$modules,jdk.zipfs,jdk.localedata"
[ "$feature" -lt 22 ] && modules="$modules,jdk.crypto.ec"
step "jlink: $modules"
"$jdk/bin/jlink" --add-modules "$modules" --include-locales="$locales" \
  --strip-debug --no-header-files --no-man-pages --output "$work/runtime"
# A linked runtime has no class data sharing archive of the JDK's classes (the JDK itself ships one). Not
# added on purpose: measured here it saved ~3% of start-up, for 14 MB; the AOT cache below covers those
# classes and the app's.

# --- App image ----------------------------------------------------------------------------------------
case "$os" in
  linux) app_icon=assets/icons/png/clearframe-256.png image="$out/$name"
         launcher="$image/bin/$name" cfg="$image/lib/app/$name.cfg" ;;
  windows) app_icon=assets/icons/clearframe.ico image="$out/$name"
           launcher="$image/$name.exe" cfg="$image/app/$name.cfg" ;;
  macos) app_icon=assets/icons/clearframe.icns image="$out/$name.app"
         launcher="$image/Contents/MacOS/$name" cfg="$image/Contents/app/$name.cfg" ;;
esac
common=(--name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description"
        --icon "$app_icon")
image_opts=(--input "$work/input" --main-jar "$main_jar" --main-class "$main_class"
            --runtime-image "$work/runtime" "${java_opts[@]}")
[ "$os" = macos ] && image_opts+=(--mac-package-identifier org.clearframe.app --mac-package-name "$name")
if [ "$os" = windows ]; then
  # The main launcher is a GUI program with no console; a second one prints CLI output (--version etc.).
  image_opts+=(--add-launcher "clearframe-cli=installer/windows/launchers/clearframe-cli.properties")
fi

step "jpackage: app image"
rm -rf "$image"
"$jdk/bin/jpackage" --type app-image --dest "$out" "${common[@]}" "${image_opts[@]}"

# --- AOT cache (JDK 25+, Linux) -----------------------------------------------------------------------
# One training run records which classes a start-up loads and links; the JVM writes them to a cache on
# exit, and later starts map the cache instead of loading those classes from jars. The cache belongs to this
# exact runtime and these jars; the JVM checks that and silently ignores a cache that does not match.
xvfb_pid=""
cleanup() { [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
start_xvfb() {
  command -v Xvfb >/dev/null 2>&1 || return 1
  local fifo="$work/xvfb.display"
  rm -f "$fifo"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$fifo" ] && break; sleep 0.1; done
  [ -s "$fifo" ] || return 1
  export DISPLAY=":$(head -1 "$fifo")"
}
train_aot() {
  if [ "$os" != linux ] || [ "$feature" -lt 25 ]; then
    say "no AOT cache: needs JDK 25+ on Linux (this is JDK $feature on $os)"; return 0
  fi
  local window=true
  # A private virtual display: nothing pops up on the builder's screen, and no other window is mistaken for ours.
  if ! start_xvfb; then
    if [ -z "${DISPLAY:-}" ]; then
      say "warning: no display for the training run (apt-get install -y xvfb): the AOT cache covers the command line only"
      window=false
    else
      say "no Xvfb: the training run opens a window on $DISPLAY"
    fi
  fi
  if $window && ! command -v python3 >/dev/null 2>&1; then
    say "warning: no python3 for the training run: the AOT cache covers the command line only"; window=false
  fi
  step "AOT cache: training run$($window && echo " on display $DISPLAY")"
  cp "$cfg" "$work/cfg.orig"
  mkdir -p "$work/train-config"
  {
    echo 'java-options=-XX:AOTCacheOutput=$APPDIR/clearframe.aot'
    # Train with the quick JIT tier only, so the cache holds classes and little profile data. With profiles,
    # JDK 25 starts optimising compiles early, and on two cores they held the first window back by 0.25 s.
    echo 'java-options=-XX:TieredStopAtLevel=1'
    echo "java-options=-Dclearframe.config=$root/$work/train-config"   # keep the builder's settings untouched
    # The run makes a ~1,000-shot production from the sample (cli/AotTraining.java) and opens the window on it.
    echo "java-options=-Dclearframe.aot.training=$root/$work/train-files"
  } >>"$cfg"
  local ok=true
  if $window; then
    # Lasts until 5 s after the window names the production (its first look is laid out, and the whole file is being
    # read), so the classes that open, fill and show the production are cached too.
    # shellcheck disable=SC2086 # CLEARFRAME_TRAIN_ARGS is a word list on purpose
    python3 installer/measure-startup.py --runs 1 --until-title .clearframe --linger 5 --timeout 600 -- "$launcher" ${CLEARFRAME_TRAIN_ARGS-} \
      >"$work/train.log" 2>&1 || ok=false
  else
    "$launcher" --version >"$work/train.log" 2>&1 || ok=false
  fi
  cp "$work/cfg.orig" "$cfg"
  rm -rf "$work/train-files"
  if ! $ok || [ ! -s "$image/lib/app/clearframe.aot" ]; then
    cat "$work/train.log" >&2
    rm -f "$image/lib/app/clearframe.aot"
    $check && die "AOT training failed"
    say "warning: AOT training failed; the app image has no AOT cache"; return 0
  fi
  echo 'java-options=-XX:AOTCache=$APPDIR/clearframe.aot' >>"$cfg"
  # AOTMode=on makes the JVM refuse to start unless it can use the cache: proof that it matches.
  JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version >/dev/null 2>"$work/aot-check.log" ||
    { cat "$work/aot-check.log" >&2; die "the JVM does not accept the AOT cache it just wrote"; }
  # ... and a verb that reads a production starts with it too
  JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" info "$root/assets/sample/harbour-lights.clearframe" >/dev/null \
    2>"$work/aot-check.log" || { cat "$work/aot-check.log" >&2; die "a verb does not start with the AOT cache"; }
  say "AOT cache: $(du -h "$image/lib/app/clearframe.aot" | cut -f1)$($window || echo " (command line only)")"
}
$aot && train_aot

# --- The `clearframe` command (Linux) -----------------------------------------------------------------
# jpackage's Linux launcher asks rpm and dpkg which package owns it at every start (`dpkg -S` scans the whole
# package database: 0.1-0.19 s here). bin/clearframe, which /usr/bin/clearframe links to and the menu entry and
# double-clicked files run, starts the bundled java directly, with the launcher's options and the AOT cache trained
# for that kind of start: the JVM maps every class in its cache as it starts, so a cache holding more than the start
# needs costs time (the double-clicked file's 50 MB cache held the welcome window back by 0.07 s). Three caches:
#   clearframe-welcome.aot  no argument (the menu entry): the welcome window only
#   clearframe.aot          one existing file or --sample (a double-click): the window opening a production; also the
#                           launcher bin/Clearframe's
#   clearframe-cli.aot      anything else: the command-line verbs
# The script's rule is only a fast path: every start ends in org.clearframe.Launcher, which makes the same choice.
write_command() {
  local script="$image/bin/clearframe" opts="" cp="" main="" line value
  while IFS= read -r line; do
    value="${line#*=}"
    value="${value//\$APPDIR/\$app}"
    # the values go into the script in double quotes, where only $app may expand
    [[ "$value" != *[\"\`\\]* && "${value//\$app/}" != *\$* ]] || die "cannot quote '$line' from $cfg in bin/clearframe"
    case "$line" in
      app.classpath=*) cp="${cp:+$cp:}$value" ;;
      app.mainclass=*) main="$value" ;;
      java-options=-XX:AOTCache*) ;;   # the script picks the cache itself
      java-options=*) opts="$opts \"$value\"" ;;
    esac
  done <"$cfg"
  [ -n "$cp" ] && [ -n "$main" ] || die "could not read the class path and main class from $cfg"
  cat >"$script" <<SCRIPT
#!/bin/sh
# The clearframe command, written by installer/build.sh (see installer/README.md, "Start-up").
# Runs the window and the command-line verbs on the bundled java, each with the AOT cache trained for that start.
# The paths are the real ones (readlink -f), as the launcher's are: a cache only matches the class path it was made with.
bin=\$(dirname "\$(readlink -f "\$0")")
app="\${bin%/*}/lib/app"
java="\${bin%/*}/lib/runtime/bin/java"
window=yes
if [ \$# -eq 0 ]; then
  cache=clearframe-welcome.aot
elif [ \$# -eq 1 ] && { [ "\$1" = --sample ] || [ -f "\$1" ]; }; then
  cache=clearframe.aot
else
  cache=clearframe-cli.aot window=""
fi
set -- -cp "$cp" $main "\$@"
# The window's FXML views set their properties by reflection: native accessors spare it spinning a method handle for
# each new one (about 0.07 s of CPU before the first frame). And G1 gives back the heap a production's read grew to:
# by default it kept 400 MB committed for 120 MB in use with 100,000 shots open (at most 30% of the heap left free, a
# concurrent collection after 10 s without one, and the app's own request once a large production is read is one too).
# A verb is a short run: the optimising compiler took as much CPU as the verb itself, and the serial collector is
# enough for one thread's work (check --json at 10,000 shots: 2.4 s of CPU and 188 MB, against 4.4-4.8 s and 288 MB).
if [ -n "\$window" ]; then
  set -- -Djdk.reflect.useNativeAccessorOnly=true -XX:G1PeriodicGCInterval=10000 -XX:MaxHeapFreeRatio=30 \
    -XX:MinHeapFreeRatio=10 -XX:+ExplicitGCInvokesConcurrent "\$@"
else
  set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "\$@"
fi
[ ! -f "\$app/\$cache" ] || set -- "-XX:AOTCache=\$app/\$cache" "\$@"
exec "\$java"$opts "\$@"
SCRIPT
  chmod 755 "$script"
}
train_welcome_aot() {
  [ "$feature" -ge 25 ] && [ -n "${DISPLAY:-}" ] && command -v python3 >/dev/null 2>&1 || return 0
  step "AOT cache for the welcome window: training run"
  local cache="$image/lib/app/clearframe-welcome.aot" ok=true
  # A producer's welcome page lists recent productions (links with tooltips): give the training run one.
  cp assets/sample/harbour-lights.clearframe "$work/check.clearframe"   # opening a file may write to it: a copy
  mkdir -p "$work/train-config" && echo "$root/$work/check.clearframe" >"$work/train-config/recent-files.txt"
  # The menu entry's start, as bin/clearframe runs it with no argument (it adds no cache while this one is missing).
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -XX:TieredStopAtLevel=1 -Dclearframe.config=$root/$work/train-config" \
    python3 installer/measure-startup.py --runs 1 --linger 3 -- "$image/bin/clearframe" >"$work/train-welcome.log" 2>&1 ||
    ok=false
  if ! $ok || [ ! -s "$cache" ]; then
    cat "$work/train-welcome.log" >&2; rm -f "$cache"
    $check && die "AOT training of the welcome window failed"
    say "warning: AOT training of the welcome window failed; the menu entry starts without a cache"; return 0
  fi
  # AOTMode=on: the JVM refuses to start unless it can use the cache, so a window that opens proves it matches.
  local checking="-XX:AOTMode=on -Dclearframe.config=$root/$work/train-config"
  JAVA_TOOL_OPTIONS="$checking" python3 installer/measure-startup.py --runs 1 -- "$image/bin/clearframe" \
    >"$work/aot-check.log" 2>&1 || { cat "$work/aot-check.log" >&2; die "the welcome window does not start with its AOT cache"; }
  JAVA_TOOL_OPTIONS="$checking" python3 installer/measure-startup.py --runs 1 -- "$image/bin/clearframe" \
    "$root/$work/check.clearframe" >"$work/aot-check.log" 2>&1 ||
    { cat "$work/aot-check.log" >&2; die "bin/clearframe FILE does not start the window with the file's AOT cache"; }
  say "AOT cache for the welcome window: $(du -h "$cache" | cut -f1)"
}
train_cli_aot() {
  [ "$feature" -ge 25 ] || return 0
  step "AOT cache for the command line: training run"
  local cache="$image/lib/app/clearframe-cli.aot" ok=true
  # The command-line verbs of cli/AotTraining.java, then --version; no window.
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Dclearframe.config=$root/$work/train-config -Dclearframe.aot.training=$root/$work/train-files" \
    "$image/bin/clearframe" --version >"$work/train-cli.log" 2>&1 || ok=false
  rm -rf "$work/train-files"
  if ! $ok || [ ! -s "$cache" ]; then
    cat "$work/train-cli.log" >&2; rm -f "$cache"
    $check && die "AOT training of the command line failed"
    say "warning: AOT training of the command line failed; clearframe VERB runs without a cache"; return 0
  fi
  JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$image/bin/clearframe" info "$root/assets/sample/harbour-lights.clearframe" \
    >/dev/null 2>"$work/aot-check.log" || { cat "$work/aot-check.log" >&2; die "clearframe info does not start with its AOT cache"; }
  say "AOT cache for the command line: $(du -h "$cache" | cut -f1)"
}
if [ "$os" = linux ]; then
  write_command
  $aot && train_welcome_aot
  $aot && train_cli_aot
  got="$("$image/bin/clearframe" --version 2>"$work/version.err" || true)"
  [ "$got" = "$name $version" ] || { cat "$work/version.err" >&2; die "bin/clearframe printed '$got', expected '$name $version'"; }
fi

# The launcher must run and answer --version with no display: the same check CI relies on.
if [ "$os" != windows ]; then
  got="$("$launcher" --version 2>"$work/version.err" || true)"
  if [ "$got" != "$name $version" ]; then
    cat "$work/version.err" >&2; die "app image launcher printed '$got', expected '$name $version'"
  fi
  say "launcher check: '$got'"
fi

if $check; then
  # The package-only configuration is not exercised by an app image; check that its files are complete.
  for p in installer/linux/*.properties installer/windows/*.properties installer/macos/*.properties; do
    for key in extension mime-type description icon; do
      grep -q "^$key=" "$p" || die "$p has no $key"
    done
    icon="$(sed -n 's/^icon=//p' "$p")"
    [ -f "$icon" ] || die "$p names a missing icon $icon"
  done
  for f in postinst prerm postrm Clearframe.desktop; do
    [ -f "installer/linux/resources/$f" ] || die "installer/linux/resources/$f is missing"
  done
  grep -q '^Exec=@LAUNCHER@ %f$' installer/linux/resources/Clearframe.desktop ||
    die "the menu entry must start bin/clearframe (Exec=@LAUNCHER@ %f), not the slower launcher"
  step "check passed: $image ($(du -sh "$image" | cut -f1))"
  exit 0
fi

# --- Package ------------------------------------------------------------------------------------------
fa_opts=()
case "$os" in
  linux) fa_dir=installer/linux ;;
  windows) fa_dir=installer/windows ;;
  macos) fa_dir=installer/macos ;;
esac
for p in "$fa_dir"/*.properties; do
  fa_opts+=(--file-associations "$p")
done

case "$type" in
  deb | rpm)
    step "jpackage: $type (this compresses ~160 MB: a minute or more on 2 cores)"
    # jpackage installs to /opt/<package name>; the maintainer scripts point /usr/bin/clearframe at the command
    # bin/clearframe (above), which the menu entry and double-clicked files run too.
    linux_launcher=/opt/clearframe/bin/clearframe
    # The file types' icon names as xdg-icon-resource knows them (application/x-clearframe -> application-x-...).
    mime_icons=$(sed -n 's#^mime-type=##p' installer/linux/*.properties | tr '/' '-' | tr '\n' ' ')
    mkdir -p "$work/linux-resources"
    for f in installer/linux/resources/*; do
      sed -e "s#@LAUNCHER@#$linux_launcher#g" -e "s#@MIME_ICONS@#${mime_icons% }#g" "$f" \
        >"$work/linux-resources/$(basename "$f")"
    done
    chmod +x "$work"/linux-resources/postinst "$work"/linux-resources/prerm "$work"/linux-resources/postrm
    pkg_opts=(--linux-package-name clearframe --linux-shortcut --linux-menu-group "Office;ProjectManagement;"
              --linux-app-category misc --resource-dir "$work/linux-resources")
    if [ "$type" = deb ]; then
      # JavaFX's native libraries sit in jars at packaging time, so jpackage cannot see that they need GTK and
      # OpenGL. Debian 13 and Ubuntu 24.04 renamed GTK's package in the 64-bit time_t transition.
      pkg_opts+=(--linux-deb-maintainer "$deb_maintainer"
                 --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1")
    else
      pkg_opts+=(--linux-package-deps "gtk3, mesa-libGL")
    fi
    rm -f "$out"/clearframe_*."$type" "$out"/clearframe-*."$type"
    "$jdk/bin/jpackage" --type "$type" --app-image "$image" --dest "$out" \
      "${common[@]}" "${fa_opts[@]}" "${pkg_opts[@]}"
    if [ "$type" = deb ]; then
      deb=$(ls "$out"/clearframe_*.deb)
      grep -q " \.$linux_launcher\$" <<<"$(dpkg-deb -c "$deb")" ||
        die "$deb does not install $linux_launcher, which its postinst links to /usr/bin/clearframe"
    fi
    ;;
  msi | exe)
    step "jpackage: $type (needs WiX on the PATH)"
    "$jdk/bin/jpackage" --type "$type" --dest "$out" "${common[@]}" "${image_opts[@]}" "${fa_opts[@]}" \
      --win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser --win-upgrade-uuid "$win_upgrade_uuid"
    ;;
  dmg | pkg)
    step "jpackage: $type"
    "$jdk/bin/jpackage" --type "$type" --dest "$out" "${common[@]}" "${image_opts[@]}" "${fa_opts[@]}"
    ;;
  app-image) ;;
esac

step "done"
say "app image: $image ($(du -sh "$image" | cut -f1))"
for f in "$out"/*.deb "$out"/*.rpm "$out"/*.msi "$out"/*.exe "$out"/*.dmg "$out"/*.pkg; do
  [ -f "$f" ] && say "package:   $f ($(du -h "$f" | cut -f1))"
done
exit 0
