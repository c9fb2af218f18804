#!/usr/bin/env bash
# System packages yusuan needs beyond Python: Debian's chromium (prints the composed PDF through
# Playwright; no browser is downloaded) and CJK fonts (WenQuanYi Zen Hei gives each ideograph its
# own glyph, so the PDF's text layer reads back exactly; Noto CJK as a fallback; AR PL UMing and
# UKai, TrueType 明体/楷体 faces the composed PDF's body, titles and headings use — Chromium embeds
# them as outline fonts, where the CFF Noto Serif faces become Type 3) and PostgreSQL
# (the test suite starts a throwaway server of its own to run the store against it), and headless
# LibreOffice (reads .doc/.wps by converting them to .docx; the tests also use it to save the
# office fixture as .doc and .xls).
set -euo pipefail
packages=(chromium fonts-wqy-zenhei fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai postgresql libreoffice-writer-nogui libreoffice-calc-nogui)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "需要安装：${missing[*]}（本机没有 apt-get，请用系统的包管理器安装；或设置 YUSUAN_CHROMIUM 指向 chromium）" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
