/// A product or service that is invoiced.
public struct Material: Sendable, Codable, Hashable, Identifiable {
    /// The material number.
    public var id: String
    /// The text printed on invoice lines unless the source item has its own.
    public var description: String
    /// Base unit of measure, UN/ECE Recommendation 20 code (e.g. `C62` piece, `HUR` hour).
    public var unit: String
    /// The material group that classifies similar materials.
    public var materialGroup: String
    /// Material tax classification used in tax determination.
    public var taxClassification: String
    /// Material account assignment group used in account determination.
    public var accountAssignmentGroup: String

    /// Creates a material from its fields.
    public init(
        id: String, description: String, unit: String, materialGroup: String, taxClassification: String,
        accountAssignmentGroup: String
    ) {
        self.id = id
        self.description = description
        self.unit = unit
        self.materialGroup = materialGroup
        self.taxClassification = taxClassification
        self.accountAssignmentGroup = accountAssignmentGroup
    }
}
