/// The CO account assignment of a posting line: where its revenue shows in controlling.
struct COAssignment: Hashable {
    /// The profit centre, if the source document gave one.
    var profitCenter: String? = nil
    /// The cost centre, if the source document gave one.
    var costCenter: String? = nil
}
