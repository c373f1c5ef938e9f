# Shared by the scripts in this folder: source it, don't run it.
# Installs missing Debian packages (apt-get update once per run), as root or through sudo.

set -euo pipefail

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

_apt_updated=0
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "==> installing ${missing[*]}" >&2
    if [ "$_apt_updated" -eq 0 ]; then
        $sudo apt-get update -qq >&2
        _apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

ensure_swift() {
    command -v swift >/dev/null 2>&1 || { echo "Swift 6 is required: https://www.swift.org/install/linux/" >&2; exit 1; }
}
