/// One invoicing run: selects due orders, groups them into units and invoices each unit.
///
/// Pure: the caller brings the orders, master data, configuration and date, and stores the
/// results; the run itself reads no files, no database and no clock.
public struct InvoicingRun: Sendable {
    /// The customizing the run follows.
    public let configuration: InvoicingConfiguration
    /// The master data the run looks up.
    public let masterData: MasterData
    /// What the user asked of the run.
    public let parameters: RunParameters
    /// The invoicing process named by the parameters.
    public let process: InvoicingProcess
    /// The process's grouping variant, which splits accounts' orders into invoicing units.
    public let groupingVariant: GroupingVariant

    /// Prepares a run; throws when the process is unknown or the configuration is unusable.
    public init(
        configuration: InvoicingConfiguration, masterData: MasterData, parameters: RunParameters
    ) throws(RunError) {
        guard let process = configuration.processes[parameters.process] else {
            let known = configuration.processes.keys.sorted().joined(separator: ", ")
            throw RunError("unknown invoicing process \(parameters.process) (configured: \(known))")
        }
        if let problem = configuration.problems().first { throw RunError("configuration: \(problem)") }
        self.configuration = configuration
        self.masterData = masterData
        self.parameters = parameters
        self.process = process
        // swift-format-ignore: NeverForceUnwrap
        self.groupingVariant = configuration.groupingVariants[process.groupingVariant]!  // checked by problems()
    }

    /// The categories this process selects.
    public var categories: Set<SourceCategory> { Set(process.categories.map(\.category)) }

    /// Step 1: the due, unblocked orders of the process's categories, of accounts that qualify
    /// by the main-selection rule.
    public func select(_ candidates: [InvoicingOrder]) -> Selection {
        let mainCategories = Set(process.categories.filter(\.mainSelection).map(\.category))
        var skipped: [SkippedOrder] = []
        var eligible: [InvoicingOrder] = []
        for order in candidates {
            let document = order.document
            if !categories.contains(document.category) {
                skipped.append(SkippedOrder(order: order, reason: .categoryNotInProcess))
            } else if let accounts = parameters.accounts, !accounts.contains(document.account) {
                skipped.append(SkippedOrder(order: order, reason: .accountNotSelected))
            } else if document.billingDate > parameters.runDate {
                skipped.append(SkippedOrder(order: order, reason: .notDue))
            } else if document.billingBlock {
                skipped.append(SkippedOrder(order: order, reason: .billingBlock))
            } else {
                eligible.append(order)
            }
        }
        eligible = deferUntilFullyDelivered(eligible, candidates: candidates, skipped: &skipped)
        let qualified = Set(eligible.filter { mainCategories.contains($0.category) }.map(\.account))
        var selected: [InvoicingOrder] = []
        for order in eligible {
            if qualified.contains(order.account) {
                selected.append(order)
            } else {
                skipped.append(SkippedOrder(order: order, reason: .noMainSelectionOrder))
            }
        }
        selected.sort { lhs, rhs in
            (lhs.account, lhs.dueDate, lhs.document.id) < (rhs.account, rhs.dueDate, rhs.document.id)
        }
        return Selection(accounts: qualified.sorted(), orders: selected, skipped: skipped)
    }

    /// Steps 2 and 3: splits each account's orders into units by the grouping variant and the
    /// invoicing type, and determines the functions of each unit.
    ///
    /// The split happens at item level: an order whose items fall into several split groups
    /// (see ``itemSplit(of:)``) goes into as many units, each with the part of the order that
    /// holds its items. The units' order depends only on their keys, never on the workers.
    public func group(_ selection: Selection) -> [InvoicingUnit] {
        var keys: [[String]] = []
        var ordersByKey: [[String]: [InvoicingOrder]] = [:]
        for order in selection.orders {
            for (split, part) in itemSplit(of: order) {
                let key = groupingKey(of: part) + split + (order.category.isMemoRequest ? [order.document.id] : [])
                if ordersByKey[key] == nil { keys.append(key) }
                ordersByKey[key, default: []].append(part)
            }
        }
        keys.sort { $0.lexicographicallyPrecedes($1) }
        let names =
            ["account", "invoicingType"] + Self.fixedCharacteristics.map(\.rawValue)
            + variableCharacteristics.map(\.rawValue)
            + (groupingVariant.separateMaterialGroups.isEmpty ? [] : ["separateMaterialGroup"]) + ["memoRequest"]
        return keys.enumerated().map { offset, key in
            let account = key[0]
            let type = key[1]
            return InvoicingUnit(
                index: offset + 1,
                account: account,
                invoicingType: type,
                // An empty material-group split is no split: not listed, so unsplit units read as before.
                characteristics: zip(names, key).filter { $0.0 != "separateMaterialGroup" || !$0.1.isEmpty }
                    .map { InvoicingUnit.Characteristic(name: $0, value: $1) },
                orders: ordersByKey[key] ?? [],
                functions: decideFunctions(account: account, invoicingType: type)
            )
        }
    }

    /// The invoicing type of one order: the document's own, the first matching rule, or the default.
    public func invoicingType(of document: SourceDocument) -> String {
        if let explicit = document.invoicingType { return explicit }
        return process.typeRules.first { $0.matches(document) }?.invoicingType ?? process.defaultType
    }

    /// The document-level part of an order's grouping key: account, invoicing type and the
    /// variant's characteristics.
    private func groupingKey(of order: InvoicingOrder) -> [String] {
        let document = order.document
        let account = masterData.accounts[document.account]
        let paymentTerms = document.paymentTerms ?? account?.paymentTerms ?? ""
        let salesOrganisation = masterData.companyCodes[document.companyCode]?.salesOrganisation ?? ""
        return [document.account, invoicingType(of: document)]
            + (Self.fixedCharacteristics + variableCharacteristics).map {
                $0.value(of: document, paymentTerms: paymentTerms, salesOrganisation: salesOrganisation)
            }
    }

    /// The invoice split at item level, as SD's copy control splits a billing document by item
    /// fields: the order's items grouped by their material group when the variant marks it for
    /// separate invoicing (else empty) and by their own payment terms, one part of the order per
    /// group, sorted. A part's document carries its items' payment terms in its header, so the
    /// grouping key and the invoice take them from there.
    ///
    /// The returned key is the material group, or nothing when the variant marks none (not one
    /// empty field), so other variants' keys stay as they were. A memo request is never split:
    /// it becomes one memo, keyed by the marked groups of all its items.
    func itemSplit(of order: InvoicingOrder) -> [(key: [String], order: InvoicingOrder)] {
        let marked = groupingVariant.separateMaterialGroups
        func group(of item: SourceItem) -> String {
            masterData.materials[item.material].map(\.materialGroup).flatMap { marked.contains($0) ? $0 : nil } ?? ""
        }
        if order.category.isMemoRequest {
            guard !marked.isEmpty else { return [([], order)] }
            let groups = Set(order.document.items.map(group))
            return [([marked.filter(groups.contains).joined(separator: "+")], order)]
        }
        // The common case, and the cheap one: nothing to split by.
        if marked.isEmpty && !order.document.items.contains(where: { $0.paymentTerms != nil }) {
            return [([], order)]
        }
        struct Split: Hashable, Comparable {
            var group: String
            var terms: String?
            static func < (lhs: Split, rhs: Split) -> Bool {
                (lhs.group, lhs.terms ?? "") < (rhs.group, rhs.terms ?? "")
            }
        }
        var numbers: [Split: [Int]] = [:]
        for item in order.document.items {
            numbers[Split(group: group(of: item), terms: item.paymentTerms), default: []].append(item.number)
        }
        guard !numbers.isEmpty else { return [(marked.isEmpty ? [] : [""], order)] }
        return numbers.keys.sorted().map { split in
            var part = numbers.count > 1 ? order.part(items: numbers[split] ?? []) : order
            if let terms = split.terms { part.document.paymentTerms = terms }
            return (marked.isEmpty ? [] : [split.group], part)
        }
    }

    /// Fields an invoice has exactly one of, so every unit is split by them whatever the variant says.
    static let fixedCharacteristics: [GroupingCharacteristic] = [.companyCode, .currency, .paymentTerms]

    private var variableCharacteristics: [GroupingCharacteristic] {
        groupingVariant.characteristics.filter { !Self.fixedCharacteristics.contains($0) }
    }

    /// Activation of each function of the process for an account's category and an invoicing type,
    /// with this run's switches applied (status 2 may go off, status 3 may go on, status 1 never moves).
    public func decideFunctions(account: String, invoicingType: String) -> [FunctionDecision] {
        let category = masterData.accounts[account].flatMap { configuration.categories[$0.invoicingCategory] }
        let type = configuration.types[invoicingType]
        let functions = Set(process.functions).union(InvoicingFunction.allCases.filter(\.isMandatory))
        return functions.sorted().map { function in
            if function.isMandatory {
                return FunctionDecision(function: function, status: nil, active: true, reason: "mandatory")
            }
            let status = type?.functions[function] ?? category?.functions[function] ?? .inactiveSwitchable
            let enable = parameters.enabledFunctions.contains(function)
            let disable = parameters.disabledFunctions.contains(function)
            switch status {
            case .active:
                let reason = disable ? "status 1, cannot be switched off" : "status 1"
                return FunctionDecision(function: function, status: status, active: true, reason: reason)
            case .activeSwitchable:
                let reason = disable ? "status 2, switched off for this run" : "status 2"
                return FunctionDecision(function: function, status: status, active: !disable, reason: reason)
            case .inactiveSwitchable:
                let reason = enable ? "status 3, switched on for this run" : "status 3"
                return FunctionDecision(function: function, status: status, active: enable, reason: reason)
            }
        }
    }
}
