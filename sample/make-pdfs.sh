#!/bin/sh
# Regenerates the sample PDFs in sample/corpus/ from the groff -ms sources in
# sample/pdfsrc/. All documents are fictional and written for the zicht demo.
#
# Requirements (Debian/Ubuntu): apt-get install -y groff poppler-utils
#   groff        provides groff, preconv (-k) and gropdf (-Tpdf)
#   poppler-utils provides pdftotext, used below to check the text layer
#
# Per file:  SOURCE_DATE_EPOCH=<date> groff -k -Tpdf -ms -dpaper=a4 -P-pa4 SRC.ms > OUT.pdf
#   -k                 run preconv so UTF-8 input (ö, ë, ï, —) is understood
#   -ms                the ms macro package (nl-14 switches to two columns with .2C)
#   -dpaper=a4 -P-pa4  A4 paper
#   SOURCE_DATE_EPOCH  fixes the PDF CreationDate to the document's date, so
#                      the output is byte-for-byte reproducible
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src="$here/pdfsrc"
out="$here/corpus"

command -v groff >/dev/null 2>&1 || { echo "make-pdfs.sh: groff not found (apt-get install -y groff)" >&2; exit 1; }

# file stem                         document date (UTC noon)
while read -r stem date; do
	[ -n "$stem" ] || continue
	epoch=$(date -u -d "$date 12:00:00" +%s)
	SOURCE_DATE_EPOCH=$epoch groff -k -Tpdf -ms -dpaper=a4 -P-pa4 \
		"$src/$stem.ms" > "$out/$stem.pdf"
	echo "built corpus/$stem.pdf"
done <<'LIST'
nl-03-roma-beleid-brief          2022-02-09
nl-09-anorexia-kamerbrief        2019-01-17
nl-14-ketens-kinderarbeid-ngo    2021-05-20
nl-25-vietnamese-minderjarigen   2021-06-14
en-05-anorexia-research          2022-06-06
en-10-supply-chain-policy        2023-09-20
LIST

# Check that the text layer is extractable and starts with the fiction notice.
if command -v pdftotext >/dev/null 2>&1; then
	for f in "$out"/*.pdf; do
		if ! pdftotext -enc UTF-8 "$f" - | grep -Eq 'FICTIEF VOORBEELDDOCUMENT|FICTIONAL SAMPLE DOCUMENT'; then
			echo "make-pdfs.sh: $f: fiction notice not found in extracted text" >&2
			exit 1
		fi
	done
	echo "text layer checked with pdftotext"
fi
