/// The customizing of invoicing: processes, types, categories and grouping variants.
public struct InvoicingConfiguration: Sendable, Hashable {
    public var processes: [String: InvoicingProcess]
    public var types: [String: InvoicingType]
    public var categories: [String: InvoicingCategory]
    public var groupingVariants: [String: GroupingVariant]
    /// How line amounts, conditions and tax are rounded.
    public var rounding: RoundingRule

    public init(
        processes: [InvoicingProcess], types: [InvoicingType], categories: [InvoicingCategory],
        groupingVariants: [GroupingVariant], rounding: RoundingRule = .halfUp
    ) {
        self.processes = Dictionary(processes.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.types = Dictionary(types.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.groupingVariants = Dictionary(groupingVariants.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.rounding = rounding
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
        return problems
    }
}

/// What an invoicing run processes and how.
public struct InvoicingProcess: Sendable, Hashable, Identifiable {
    /// A source category the process selects, and whether it qualifies an account on its own.
    public struct Category: Sendable, Hashable {
        public var category: SourceCategory
        /// An account is selected only if it has a due order of a main-selection category.
        public var mainSelection: Bool

        public init(category: SourceCategory, mainSelection: Bool) {
            self.category = category
            self.mainSelection = mainSelection
        }
    }

    public var id: String
    public var description: String
    public var categories: [Category]
    public var functions: [InvoicingFunction]
    public var defaultType: String
    public var typeRules: [TypeRule]
    public var groupingVariant: String

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
    public var category: SourceCategory?
    public var documentType: String?
    public var invoicingType: String

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
    public var id: String
    public var description: String
    public var pricingMode: PricingMode
    /// Overrides the invoicing category's activation status for these functions.
    public var functions: [InvoicingFunction: ActivationStatus]
    /// Minimum gross amount per currency for the minimum-amount function.
    public var minimumAmounts: [Currency: Money]

    public init(
        id: String, description: String, pricingMode: PricingMode,
        functions: [InvoicingFunction: ActivationStatus] = [:], minimumAmounts: [Currency: Money] = [:]
    ) {
        self.id = id
        self.description = description
        self.pricingMode = pricingMode
        self.functions = functions
        self.minimumAmounts = minimumAmounts
    }
}

/// The contract account's invoicing category: the activation status of optional functions.
public struct InvoicingCategory: Sendable, Hashable, Identifiable {
    public var id: String
    public var description: String
    public var functions: [InvoicingFunction: ActivationStatus]

    public init(id: String, description: String, functions: [InvoicingFunction: ActivationStatus]) {
        self.id = id
        self.description = description
        self.functions = functions
    }
}

/// The characteristics that split an account's orders into invoicing units.
public struct GroupingVariant: Sendable, Hashable, Identifiable {
    public var id: String
    public var description: String
    public var characteristics: [GroupingCharacteristic]

    public init(id: String, description: String, characteristics: [GroupingCharacteristic]) {
        self.id = id
        self.description = description
        self.characteristics = characteristics
    }
}
