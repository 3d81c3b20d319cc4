#!/usr/bin/env bash
# EN 16931 / PEPPOL conformance of the e-invoices InvoiceRun writes, checked with the shared
# conformance kit (../shared/conformance/validate.sh: XSD, EN 16931 schematron, PEPPOL rules).
#
# Two runs of the samples, each on a fresh store in a temporary folder:
#   1. Samples/ as they are: the accounts that ask for UBL or CII (see Samples/README.md);
#   2. a copy in which every account asks for both, so every invoice of the run is checked in
#      both syntaxes (accounts with neither VAT number nor electronic address get a GLN made
#      from their account number, because PEPPOL requires an electronic address), plus two
#      credit memos, which become credit notes.
# UBL is validated with --peppol yes, CII with the plain EN 16931 rules. Any error-level or
# fatal finding, any e-invoice the run refused, or no e-invoice at all fails the script.
# A third part converts the kit's own examples (see below).
#
# Usage: scripts/conformance.sh [KIT_DIR]   (default ../shared/conformance; skipped if absent)
set -euo pipefail
cd "$(dirname "$0")/.."

kit="${1:-../shared/conformance}"
if [ ! -x "$kit/validate.sh" ]; then
    echo "conformance: $kit/validate.sh not found, skipping the e-invoice conformance check"
    exit 0
fi

work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

swift build --product invoicerun >/dev/null
invoicerun="$(swift build --show-bin-path)/invoicerun"

echo "conformance: sample run (accounts as they are)"
"$invoicerun" run Samples --store "$work/samples.sqlite" --output "$work/samples" --date 2026-11-30 >"$work/samples.txt"

echo "conformance: sample run with every account in UBL and CII"
cp -R Samples "$work/every-account"
accounts="$work/every-account/master-data/contract_accounts.csv"
awk -F, -v OFS=, '
    NR == 1 {
        for (i = 1; i <= NF; i++) column[$i] = i
        if (!("vat_id" in column) || !("electronic_address" in column) || !("invoice_formats" in column)) {
            print "contract_accounts.csv lacks vat_id, electronic_address or invoice_formats" > "/dev/stderr"
            exit 1
        }
        fields = NF
        print
        next
    }
    NF != fields { print "contract_accounts.csv line " NR ": quoted commas are not supported here" > "/dev/stderr"; exit 1 }
    {
        if ($column["vat_id"] == "" && $column["electronic_address"] == "") {
            digits = $1
            gsub(/[^0-9]/, "", digits)
            base = sprintf("400%09d", digits)  # a GLN-13 without its check digit
            sum = 0
            for (i = 1; i <= 12; i++) sum += substr(base, i, 1) * (i % 2 ? 1 : 3)
            $column["electronic_address"] = "0088:" base ((10 - sum % 10) % 10)
        }
        $column["invoice_formats"] = "ubl cii"
        print
    }' "$accounts" >"$accounts.new"
mv "$accounts.new" "$accounts"
# Credit memos (negative totals, written as credit notes) for two accounts the samples leave uninvoiced.
cat >"$work/every-account/documents/credit-memos.csv" <<'CSV'
document_id,category,type,company_code,account,currency,document_date,billing_date,reference_order,reference_delivery,payment_terms,invoicing_type,billing_block,item_number,material,description,quantity,unit,unit_price,price_unit,tax_code
VBRK-CREDIT-1,VBRK,G2,1000,CA-100009,EUR,2026-11-20,2026-11-20,,,,,,10,M-1009,,-1,,,,
VBRK-CREDIT-1,VBRK,G2,1000,CA-100009,EUR,2026-11-20,2026-11-20,,,,,,20,M-1013,,-2,,,,
VBRK-CREDIT-2,VBRK,G2,2000,CA-200009,GBP,2026-11-20,2026-11-20,,,,,,10,M-2011,,-3,,,,
CSV
"$invoicerun" run "$work/every-account" --store "$work/every.sqlite" --output "$work/every" --date 2026-11-30 \
    >"$work/every.txt" || {
    cat "$work/every.txt"
    echo "conformance: the run refused an e-invoice or failed (above)" >&2
    exit 1
}

mapfile -t ubl < <(find "$work/samples" "$work/every" -name '*.ubl.xml' | sort)
mapfile -t cii < <(find "$work/samples" "$work/every" -name '*.cii.xml' | sort)
# Every numbered document of the run (invoices, special invoices, intercompany invoices); a pro
# forma (PF-...) is no invoice and gets no e-invoice.
invoices=$(find "$work/every" -path '*/invoices/*' -name '*.xml' ! -name '*.ubl.xml' ! -name '*.cii.xml' ! -name 'PF-*' \
    | wc -l)
credits=$(grep -l '<CreditNote ' "${ubl[@]}" | wc -l)
if [ "${#ubl[@]}" -eq 0 ] || [ "${#cii[@]}" -eq 0 ] || [ "$credits" -eq 0 ]; then
    echo "conformance: the runs wrote no UBL, no CII or no credit note" >&2
    exit 1
fi
if [ "$invoices" -eq 0 ] || [ "$(find "$work/every" -name '*.ubl.xml' | wc -l)" -ne "$invoices" ] \
    || [ "$(find "$work/every" -name '*.cii.xml' | wc -l)" -ne "$invoices" ]; then
    echo "conformance: not every invoice of the second run was written as UBL and CII" >&2
    exit 1
fi

# 3. The kit's UBL and CII examples not marked known-fail: each is converted into its own syntax;
#    the result must pass the same validation and read back to the same canonical invoice.
#    scripts/conformance-gaps.tsv lists those that do not yet, with the reason: an example not
#    listed that fails, fails the script; one listed that passes is reported, so the list shrinks.
echo "conformance: the kit's UBL and CII examples, converted into their own syntax"
examples="$work/examples"
mkdir -p "$examples"
: >"$work/example-failures.tsv"
count=0
while IFS=$'\t' read -r path syntax; do
    count=$((count + 1))
    suffix=$([ "$syntax" = CII ] && echo cii || echo ubl)
    out="$examples/$count.$suffix.xml"
    echo "$path" >"$examples/$count.source"
    if ! "$invoicerun" convert "$kit/$path" --to "$suffix" --out "$out" 2>"$examples/$count.err"; then
        echo -e "$path\trefused: $(grep -v 'not carried' "$examples/$count.err" | head -n 1 | sed 's/.*\.xml[:0-9]*: //')" \
            >>"$work/example-failures.tsv"
        continue
    fi
    "$invoicerun" convert "$kit/$path" --to canonical-xml >"$examples/$count.before" 2>/dev/null
    "$invoicerun" convert "$out" --to canonical-xml >"$examples/$count.after" 2>/dev/null
    cmp -s "$examples/$count.before" "$examples/$count.after" \
        || echo -e "$path\tbusiness terms changed in conversion" >>"$work/example-failures.tsv"
done < <(awk -F'\t' 'NR > 1 && ($4 == "UBL" || $4 == "CII") && $17 !~ /known-fail/ { print $3 "\t" $4 }' "$kit/CATALOG.tsv")
if compgen -G "$examples/*.xml" >/dev/null; then
    "$kit/validate.sh" "$examples"/*.xml >"$work/examples.txt" || true
    sed -n 's/^\(.*\)\.\(ubl\|cii\)\.xml: FAIL.*/\1/p' "$work/examples.txt" | sort -u | while read -r stem; do
        echo -e "$(cat "$stem.source")\tfails validation after conversion" >>"$work/example-failures.tsv"
    done
fi
gaps=scripts/conformance-gaps.tsv
listed() { { grep -v '^#' "$gaps" || true; } | cut -f1 | sort -u; }
unexpected=$(cut -f1 "$work/example-failures.tsv" | sort -u | comm -23 - <(listed))
fixed=$(listed | comm -23 - <(cut -f1 "$work/example-failures.tsv" | sort -u))
failing=$(cut -f1 "$work/example-failures.tsv" | sort -u | wc -l)
echo "conformance: $count examples, $((count - failing)) round-trip and validate, $failing listed in $gaps"
if [ -n "$fixed" ]; then
    echo "conformance: these now pass; remove them from $gaps:"
    echo "$fixed" | sed 's/^/  /'
fi

status=0
if [ -n "$unexpected" ]; then
    echo "conformance: examples that fail and are not in $gaps:" >&2
    grep -F -f <(echo "$unexpected") "$work/example-failures.tsv" | sed 's/^/  /' >&2
    status=1
fi
echo "conformance: ${#ubl[@]} UBL files ($credits credit notes), EN 16931 + PEPPOL BIS 3.0"
"$kit/validate.sh" --peppol yes --show-warnings "${ubl[@]}" >"$work/ubl.txt" || status=1
grep -v ': ok ' "$work/ubl.txt" || true
echo "conformance: ${#cii[@]} CII files, EN 16931"
"$kit/validate.sh" --show-warnings "${cii[@]}" >"$work/cii.txt" || status=1
grep -v ': ok ' "$work/cii.txt" || true
warnings=$(sed -n 's/.*schematron.*error[^,]*, \([0-9]*\) warning.*/\1/p' "$work/ubl.txt" "$work/cii.txt" | awk '{ n += $1 } END { print n + 0 }')
echo "conformance: $((${#ubl[@]} + ${#cii[@]})) e-invoices, $warnings warning(s), $([ "$status" -eq 0 ] && echo "no errors" || echo "FAILED")"
exit "$status"
