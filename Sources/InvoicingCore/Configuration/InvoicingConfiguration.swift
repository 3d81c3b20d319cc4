/// The customizing of invoicing: processes, types, categories and grouping variants.
public struct InvoicingConfiguration: Sendable, Hashable {
    /// Invoicing processes by id.
    public var processes: [String: InvoicingProcess]
    /// Invoicing types by id.
    public var types: [String: InvoicingType]
    /// Invoicing categories by id.
    public var categories: [String: InvoicingCategory]
    /// Grouping variants by id.
    public var groupingVariants: [String: GroupingVariant]
    /// How line amounts, conditions and tax are rounded.
    public var rounding: RoundingRule
    /// Plants by id, with the company code each belongs to (intercompany billing).
    public var plants: [String: Plant] = [:]
    /// The agreements under which one company code delivers for another.
    public var intercompany: [IntercompanyAgreement] = []
    /// DIP profiles by id: how consumed resources become billable items.
    public var dipProfiles: [String: DIPProfile] = [:]
    /// Delivery rules per source document type (the order type of the sending system), by type.
    public var orderTypes: [String: OrderType]

    /// Creates a configuration from lists of its parts; a later part with the same id replaces an earlier one.
    public init(
        processes: [InvoicingProcess], types: [InvoicingType], categories: [InvoicingCategory],
        groupingVariants: [GroupingVariant], rounding: RoundingRule = .halfUp, orderTypes: [OrderType] = []
    ) {
        self.processes = Dictionary(processes.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.types = Dictionary(types.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.groupingVariants = Dictionary(groupingVariants.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.rounding = rounding
        self.orderTypes = Dictionary(orderTypes.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Problems that make the configuration unusable, each naming what is wrong.
    public func problems() -> [String] {
        var problems: [String] = []
        for process in processes.values.sorted(by: { $0.id < $1.id }) {
            if types[process.defaultType] == nil {
                problems.append("process \(process.id): default invoicing type \(process.defaultType) is not defined")
            }
            if groupingVariants[process.groupingVariant] == nil {
                problems.append("process \(process.id): grouping variant \(process.groupingVariant) is not defined")
            }
            if !process.categories.contains(where: \.mainSelection) {
                problems.append("process \(process.id): no category has the main selection flag")
            }
            for rule in process.typeRules where types[rule.invoicingType] == nil {
                problems.append("process \(process.id): type rule names undefined invoicing type \(rule.invoicingType)")
            }
        }
        for agreement in intercompany where agreement.deliveringCompanyCode == agreement.sellingCompanyCode {
            problems.append(
                "intercompany: company code \(agreement.sellingCompanyCode) cannot deliver to itself")
        }
        for type in types.values.sorted(by: { $0.id < $1.id })
        where !InvoicingType.documentKinds.contains(type.documentKind) {
            problems.append(
                "invoicing type \(type.id): a run cannot make documents of kind \(type.documentKind.rawValue)")
        }
        return problems
    }
}

/// What an invoicing run processes and how.
public struct InvoicingProcess: Sendable, Hashable, Identifiable {
    /// A source category the process selects, and whether it qualifies an account on its own.
    public struct Category: Sendable, Hashable {
        /// The source category selected.
        public var category: SourceCategory
        /// An account is selected only if it has a due order of a main-selection category.
        public var mainSelection: Bool

        /// Creates a process category from its fields.
        public init(category: SourceCategory, mainSelection: Bool) {
            self.category = category
            self.mainSelection = mainSelection
        }
    }

    /// The process's key, named when a run is started.
    public var id: String
    /// The text that describes the process.
    public var description: String
    /// The source categories the process selects, each with its main selection flag.
    public var categories: [Category]
    /// The invoicing functions the process performs besides the mandatory ones.
    public var functions: [InvoicingFunction]
    /// The id of the invoicing type used when no type rule matches.
    public var defaultType: String
    /// Rules that pick another invoicing type for some orders; the first match wins.
    public var typeRules: [TypeRule]
    /// The id of the grouping variant that splits accounts' orders into invoicing units.
    public var groupingVariant: String

    /// Creates an invoicing process from its fields.
    public init(
        id: String, description: String, categories: [Category], functions: [InvoicingFunction],
        defaultType: String, typeRules: [TypeRule] = [], groupingVariant: String
    ) {
        self.id = id
        self.description = description
        self.categories = categories
        self.functions = functions
        self.defaultType = defaultType
        self.typeRules = typeRules
        self.groupingVariant = groupingVariant
    }
}

/// Picks an invoicing type for orders of a category and/or document type; the first match wins.
public struct TypeRule: Sendable, Hashable {
    /// The source category the rule matches; nil matches any.
    public var category: SourceCategory?
    /// The source document type the rule matches; nil matches any.
    public var documentType: String?
    /// The id of the invoicing type the rule picks.
    public var invoicingType: String

    /// Creates a type rule from its fields.
    public init(category: SourceCategory?, documentType: String?, invoicingType: String) {
        self.category = category
        self.documentType = documentType
        self.invoicingType = invoicingType
    }

    func matches(_ document: SourceDocument) -> Bool {
        (category.map { $0 == document.category } ?? true) && (documentType.map { $0 == document.type } ?? true)
    }
}

/// The kind of invoice a unit becomes; switches optional functions and sets the pricing mode.
public struct InvoicingType: Sendable, Hashable, Identifiable {
    /// The invoicing type's key, e.g. `STD`.
    public var id: String
    /// The text that describes the invoicing type.
    public var description: String
    /// How units of this type are priced.
    public var pricingMode: PricingMode
    /// Overrides the invoicing category's activation status for these functions.
    public var functions: [InvoicingFunction: ActivationStatus]
    /// Minimum gross amount per currency for the minimum-amount function.
    public var minimumAmounts: [Currency: Money]
    /// The kind of document units of this type become: an invoice (the default), an advance,
    /// prepayment, summary or pro forma invoice. Memo requests make memos whatever the type says.
    public var documentKind: Invoice.Kind

    /// The kinds an invoicing type may make.
    public static let documentKinds: [Invoice.Kind] = [.invoice, .advance, .prepayment, .summary, .proForma]

    /// Creates an invoicing type from its fields.
    public init(
        id: String, description: String, pricingMode: PricingMode,
        functions: [InvoicingFunction: ActivationStatus] = [:], minimumAmounts: [Currency: Money] = [:],
        documentKind: Invoice.Kind = .invoice
    ) {
        self.id = id
        self.description = description
        self.pricingMode = pricingMode
        self.functions = functions
        self.minimumAmounts = minimumAmounts
        self.documentKind = documentKind
    }
}

/// The contract account's invoicing category: the activation status of optional functions.
public struct InvoicingCategory: Sendable, Hashable, Identifiable {
    /// The invoicing category's key, as named by contract accounts.
    public var id: String
    /// The text that describes the invoicing category.
    public var description: String
    /// The activation status of each optional function for accounts of this category.
    public var functions: [InvoicingFunction: ActivationStatus]

    /// Creates an invoicing category from its fields.
    public init(id: String, description: String, functions: [InvoicingFunction: ActivationStatus]) {
        self.id = id
        self.description = description
        self.functions = functions
    }
}

/// The characteristics that split an account's orders into invoicing units.
public struct GroupingVariant: Sendable, Hashable, Identifiable {
    /// The grouping variant's key, as named by processes.
    public var id: String
    /// The text that describes the grouping variant.
    public var description: String
    /// The fields whose values must agree for orders to share an invoicing unit.
    public var characteristics: [GroupingCharacteristic]
    /// Material groups marked for separate invoicing: a document with items of such a group is
    /// invoiced apart from the account's other documents (one invoice per marked group).
    public var separateMaterialGroups: [String]

    /// Creates a grouping variant from its fields.
    public init(
        id: String, description: String, characteristics: [GroupingCharacteristic],
        separateMaterialGroups: [String] = []
    ) {
        self.id = id
        self.description = description
        self.characteristics = characteristics
        self.separateMaterialGroups = separateMaterialGroups
    }

    /// The invoicing method the variant amounts to, in words: one invoice per delivery, per
    /// source document, or a collective invoice (split by the other characteristics).
    public var invoicingMethod: String {
        if characteristics.contains(.referenceDelivery) { return "one invoice per delivery" }
        if characteristics.contains(.sourceDocument) { return "one invoice per source document" }
        return separateMaterialGroups.isEmpty
            ? "collective invoice"
            : "collective invoice, split by material groups \(separateMaterialGroups.joined(separator: ", "))"
    }
}

/// The delivery rules of an order type (a source document type of the sending system, e.g. `TA`).
public struct OrderType: Sendable, Hashable, Identifiable {
    /// The source document type the rules apply to.
    public var id: String
    /// The text that describes the order type.
    public var description: String
    /// Whether the deliveries of an order of this type wait until the order is fully delivered:
    /// every ordered item's deliveries reach its ordered quantity. Otherwise each delivery is
    /// invoiced as it comes, for what it delivered.
    public var deferUntilFullyDelivered: Bool

    /// Creates an order type from its fields.
    public init(id: String, description: String, deferUntilFullyDelivered: Bool) {
        self.id = id
        self.description = description
        self.deferUntilFullyDelivered = deferUntilFullyDelivered
    }
}
