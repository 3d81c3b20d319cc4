/// A breach of an EN 16931 business rule, found before an invoice is written.
public struct EN16931Violation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule's identifier, e.g. `BR-CO-10`.
    public var rule: String
    /// What does not add up, with the amounts.
    public var message: String

    /// Creates a violation of `rule`.
    public init(rule: String, _ message: String) {
        self.rule = rule
        self.message = message
    }

    /// `BR-CO-10: message`.
    public var description: String { "\(rule): \(message)" }
}

/// The EN 16931 arithmetic an invoice must satisfy before it is sent, checked exactly.
///
/// The CEN schematron allows a tolerance of one unit on some rules; this check allows none:
/// every sum must be exact and every VAT amount must be what the configured rounding gives.
/// Rules: BR-CO-10 to BR-CO-17, the allowance and charge sums (BR-CO-11, BR-CO-12), each
/// line's net amount from its base and its allowances and charges (PEPPOL-EN16931-R120), and
/// per VAT category the taxable amount (BR-S-08 …), the zero VAT of untaxed categories
/// (BR-Z-09 …), the rates (BR-S-05, BR-AF-05 …), the exemption reasons (BR-S-10, BR-E-10,
/// BR-AF-10 …), and the party rules of split payment (BR-B-01, BR-B-02), IGIC and IPSI
/// (BR-AF-02, BR-AG-02).
public struct EN16931Check: Sendable {
    /// Where an invoice's VAT amounts come from, which decides how BR-CO-17 is checked.
    public enum VATAmounts: Sendable, Hashable {
        /// Computed by the engine, per VAT category and rate: each category's VAT must be exactly
        /// its taxable amount times its rate, rounded once by ``EN16931Check/rounding``.
        case computed
        /// Stated by the issuer of an invoice that was read: kept as stated, and accepted when it
        /// is less than one currency unit from the rounded product, the tolerance of the CEN
        /// schematron's BR-CO-17 (issuers round per line or from gross prices; the breakdown they
        /// state is what the buyer owes). ``deviations(of:)`` lists each such difference.
        case stated
    }

    /// The rounding rule VAT amounts are rounded with (the run's configuration).
    public var rounding: RoundingRule
    /// Whether VAT amounts are the engine's own or stated by the invoice read.
    public var vatAmounts: VATAmounts

    /// Creates a check that expects VAT rounded by `rounding`, exactly unless `vatAmounts` is `.stated`.
    public init(rounding: RoundingRule, vatAmounts: VATAmounts = .computed) {
        self.rounding = rounding
        self.vatAmounts = vatAmounts
    }

    /// Throws the first violation found in `invoice`, naming its rule.
    public func validate(_ invoice: Invoice) throws(EN16931Violation) {
        _ = try validatedAmounts(of: invoice)
    }

    /// The EN 16931 amounts of `invoice`, once ``validate(_:)`` would pass; throws what it would
    /// throw. A writer that needs the amounts takes them from here rather than computing them twice.
    public func validatedAmounts(of invoice: Invoice) throws(EN16931Violation) -> EN16931Amounts {
        let amounts: EN16931Amounts
        do {
            amounts = try EN16931Amounts(invoice)
        } catch {
            throw EN16931Violation(rule: "BR-CO-14", "the VAT breakdown does not fit in an amount: \(error)")
        }
        if let first = violations(of: amounts).first ?? partyViolations(of: invoice, amounts: amounts).first {
            throw first
        }
        return amounts
    }

    /// The VAT amounts of `amounts` that differ from their rounded product and are accepted only
    /// because they are stated (``VATAmounts/stated``), as sentences; empty when VAT is computed.
    public func deviations(of amounts: EN16931Amounts) -> [String] {
        guard vatAmounts == .stated else { return [] }
        return amounts.vatBreakdown.compactMap { group in
            guard let computed = try? group.taxableAmount.percentage(group.rate, rounding: rounding),
                computed != group.taxAmount, let difference = try? group.taxAmount.subtracting(computed)
            else { return nil }
            return "the VAT of category \(group.category.rawValue) at \(group.rate) % is \(group.taxAmount) as stated, "
                + "\(difference.magnitude) \(difference.isNegative ? "less" : "more") than \(computed) rounded per category"
        }
    }

    /// Every violation in `amounts`, in rule order; empty when the invoice adds up.
    public func violations(of amounts: EN16931Amounts) -> [EN16931Violation] {
        var found: [EN16931Violation] = []
        // The description is made only for a breach: an invoice that adds up costs no text.
        func expect(_ rule: String, _ actual: Money, _ expected: Money, _ what: @autoclosure () -> String) {
            if actual != expected {
                found.append(EN16931Violation(rule: rule, "\(what()) is \(actual), expected \(expected)"))
            }
        }
        let currency = amounts.currency
        let totals = amounts.totals
        // Sums in Int64 minor units can only overflow far beyond any invoice; treat it as a breach.
        func sum(_ values: [Money]) -> Money? { try? values.sum(in: currency) }

        for line in amounts.lines {
            if let allowances = sum(line.allowances), let charges = sum(line.charges),
                let expected = try? line.baseAmount.adding(charges).subtracting(allowances)
            {
                expect("PEPPOL-EN16931-R120", line.netAmount, expected, "the net amount of line \(line.id)")
            }
        }
        if let lineSum = sum(amounts.lines.map(\.netAmount)) {
            expect("BR-CO-10", totals.lineNetTotal, lineSum, "the sum of line net amounts (BT-106)")
        }
        let documentAllowances = amounts.allowanceCharges.filter { !$0.isCharge }.map(\.amount)
        let documentCharges = amounts.allowanceCharges.filter(\.isCharge).map(\.amount)
        if let allowances = sum(documentAllowances) {
            expect("BR-CO-11", totals.allowanceTotal, allowances, "the sum of allowances on document level (BT-107)")
        }
        if let charges = sum(documentCharges) {
            expect("BR-CO-12", totals.chargeTotal, charges, "the sum of charges on document level (BT-108)")
        }
        if let expected = try? totals.lineNetTotal.subtracting(totals.allowanceTotal).adding(totals.chargeTotal) {
            expect("BR-CO-13", totals.taxExclusive, expected, "the total without VAT (BT-109)")
        }
        if let vat = sum(amounts.vatBreakdown.map(\.taxAmount)) {
            expect("BR-CO-14", totals.taxTotal, vat, "the VAT total (BT-110)")
        }
        if let expected = try? totals.taxExclusive.adding(totals.taxTotal) {
            expect("BR-CO-15", totals.taxInclusive, expected, "the total with VAT (BT-112)")
        }
        if let expected = try? totals.taxInclusive.subtracting(totals.prepaid).adding(totals.rounding) {
            expect("BR-CO-16", totals.payable, expected, "the amount due (BT-115)")
        }
        for group in amounts.vatBreakdown {
            guard let expected = try? group.taxableAmount.percentage(group.rate, rounding: rounding) else { continue }
            if vatAmounts == .stated, let difference = try? group.taxAmount.subtracting(expected),
                Int128(difference.magnitude.minorUnits) < Powers.ten(currency.minorUnits)
            {
                continue  // within the schematron's tolerance: the issuer's own rounding, kept
            }
            expect(
                "BR-CO-17", group.taxAmount, expected,
                "the VAT of category \(group.category.rawValue) at \(group.rate) % (BT-117)")
        }
        found += categoryViolations(of: amounts)
        return found
    }

    /// The per-category rules: taxable amounts (-08), zero VAT (-09), rates (-05), reasons (-10).
    private func categoryViolations(of amounts: EN16931Amounts) -> [EN16931Violation] {
        var found: [EN16931Violation] = []
        var bases: [VATBreakdown.Key: Int64] = [:]
        for line in amounts.lines {
            bases[VATBreakdown.Key(category: line.category, rate: line.rate), default: 0] += line.netAmount.minorUnits
        }
        for item in amounts.allowanceCharges {
            bases[VATBreakdown.Key(category: item.category, rate: item.rate), default: 0] +=
                item.isCharge ? item.amount.minorUnits : -item.amount.minorUnits
        }
        var groups: [VATBreakdown.Key: VATBreakdown] = [:]
        for group in amounts.vatBreakdown {
            let key = VATBreakdown.Key(category: group.category, rate: group.rate)
            if groups[key] != nil {
                found.append(
                    EN16931Violation(
                        rule: "\(group.category.rulePrefix)-08",
                        "category \(group.category.rawValue) at \(group.rate) % has more than one VAT breakdown"))
            }
            groups[key] = group
        }
        for key in Set(bases.keys).union(groups.keys).sorted() {
            let prefix = key.category.rulePrefix
            // Text for a breach only, made when one is found.
            func name() -> String { "category \(key.category.rawValue) at \(key.rate) %" }
            let expected = Money(minorUnits: bases[key] ?? 0, currency: amounts.currency)
            guard let group = groups[key] else {
                found.append(EN16931Violation(rule: "\(prefix)-08", "\(name()) has lines but no VAT breakdown"))
                continue
            }
            if group.taxableAmount != expected {
                found.append(
                    EN16931Violation(
                        rule: "\(prefix)-08",
                        "the taxable amount of \(name()) is \(group.taxableAmount), expected \(expected)"))
            }
            switch key.category.rateRule {
            case .zero:
                if !key.rate.isZero {
                    found.append(EN16931Violation(rule: "\(prefix)-05", "\(name()): the rate must be 0"))
                }
                if !group.taxAmount.isZero {
                    found.append(
                        EN16931Violation(rule: "\(prefix)-09", "the VAT of \(name()) is \(group.taxAmount), expected 0")
                    )
                }
            case .positive where key.rate <= .zero:
                found.append(EN16931Violation(rule: "\(prefix)-05", "\(name()): the rate must be above 0"))
            case .nonNegative where key.rate < .zero:
                found.append(EN16931Violation(rule: "\(prefix)-05", "\(name()): the rate must be 0 or above"))
            case .positive, .nonNegative, .free: break
            }
            let hasReason = group.exemptionReason != nil || group.exemptionReasonCode != nil
            switch key.category.exemptionReasonRule {
            case .required where !hasReason:
                found.append(EN16931Violation(rule: "\(prefix)-10", "\(name()) needs an exemption reason or its code"))
            case .forbidden where hasReason:
                found.append(EN16931Violation(rule: "\(prefix)-10", "\(name()) must not carry an exemption reason"))
            case .required, .forbidden, .free: break
            }
        }
        return found
    }

    /// The rules that tie a VAT category to the parties: split payment is domestic Italian and
    /// never mixed with standard rate (BR-B-01, BR-B-02); IGIC and IPSI need the seller's VAT
    /// number (BR-AF-02, BR-AG-02; the tax registration and tax representative are not in the model).
    func partyViolations(of invoice: Invoice, amounts: EN16931Amounts) -> [EN16931Violation] {
        var categories = Set(amounts.lines.map(\.category))
        categories.formUnion(amounts.allowanceCharges.map(\.category))
        categories.formUnion(amounts.vatBreakdown.map(\.category))
        var found: [EN16931Violation] = []
        if categories.contains(.splitPayment) {
            let countries = [invoice.seller.address.country, invoice.buyer.address.country]
            if countries.contains(where: { $0 != "IT" }) {
                found.append(
                    EN16931Violation(
                        rule: "BR-B-01",
                        "split payment (B) needs a domestic Italian invoice; the parties are in "
                            + countries.joined(separator: " and ")))
            }
            if categories.contains(.standard) {
                found.append(EN16931Violation(rule: "BR-B-02", "split payment (B) and standard rate (S) are mixed"))
            }
        }
        for category in [TaxCategory.canaryIslands, .ceutaMelilla]
        where amounts.lines.contains(where: { $0.category == category }) && invoice.seller.vatID.isEmpty {
            found.append(
                EN16931Violation(
                    rule: "\(category.rulePrefix)-02",
                    "lines of category \(category.rawValue) need the seller's VAT identifier (BT-31)"))
        }
        return found
    }
}

extension TaxCategory {
    /// The prefix of the category's EN 16931 rules, e.g. `BR-S` or `BR-IC` for K.
    var rulePrefix: String {
        switch self {
        case .standard: return "BR-S"
        case .zeroRated: return "BR-Z"
        case .exempt: return "BR-E"
        case .reverseCharge: return "BR-AE"
        case .intraCommunity: return "BR-IC"
        case .export: return "BR-G"
        case .outOfScope: return "BR-O"
        case .splitPayment: return "BR-B"
        case .canaryIslands: return "BR-AF"
        case .ceutaMelilla: return "BR-AG"
        }
    }
}
