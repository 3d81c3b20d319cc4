/// What kind of resource a resource-related billing item consumed.
public enum ResourceType: String, Sendable, Codable, Hashable, CaseIterable {
    /// Working hours, by activity type.
    case hours
    /// Material consumed.
    case material
    /// Expenses, by expense type (travel, lodging, ...).
    case expense
}

/// A dynamic item processor profile: how consumed resources become billable items.
///
/// Each source maps a resource type (and, optionally, one activity or expense type) to the
/// material that is billed for it, and says how that material is priced. The first source
/// naming the item's activity type wins, else the first for any activity type.
public struct DIPProfile: Sendable, Hashable, Identifiable {
    /// How a billable item is priced.
    public enum Pricing: String, Sendable, Hashable, CaseIterable {
        /// From the price conditions of the billable material, like any item without a price.
        case conditions
        /// At the cost the source item carries (its unit price), plus the markup percentage.
        case cost
    }

    /// One mapping of consumed resources to a billable material.
    public struct Source: Sendable, Hashable {
        /// The resource type the source maps.
        public var resourceType: ResourceType
        /// The activity or expense type it maps; nil maps any.
        public var activityType: String?
        /// The material billed; nil bills the consumed material itself (material resources).
        public var material: String?
        /// How the billable item is priced.
        public var pricing: Pricing
        /// Added to the cost, in percent, when priced at cost.
        public var markupPercent: FixedDecimal

        /// Creates a source from its fields.
        public init(
            resourceType: ResourceType, activityType: String? = nil, material: String? = nil,
            pricing: Pricing = .conditions, markupPercent: FixedDecimal = .zero
        ) {
            self.resourceType = resourceType
            self.activityType = activityType
            self.material = material
            self.pricing = pricing
            self.markupPercent = markupPercent
        }
    }

    /// The profile's key, as source documents name it.
    public var id: String
    /// The text that describes the profile.
    public var description: String
    /// The mappings, in the order they were configured.
    public var sources: [Source]

    /// Creates a profile from its fields.
    public init(id: String, description: String, sources: [Source]) {
        self.id = id
        self.description = description
        self.sources = sources
    }

    /// The source for a resource type and activity type: the one naming the activity type, else
    /// the first for any.
    public func source(for type: ResourceType, activityType: String?) -> Source? {
        sources.first { $0.resourceType == type && $0.activityType != nil && $0.activityType == activityType }
            ?? sources.first { $0.resourceType == type && $0.activityType == nil }
    }
}
