internal import InvoicingCore

/// Where a milestone confirmation stands in its file: diagnostics at its plan id and milestone
/// fields (with an empty message, filled in when the confirmation is refused) and its record's line.
public struct MilestoneConfirmationSite: Sendable, Hashable {
    /// A diagnostic at the confirmation's `plan_id` field.
    public var plan: ImportDiagnostic
    /// A diagnostic at the confirmation's `milestone` field.
    public var milestone: ImportDiagnostic
    /// The first line of the confirmation's record, as refused records are listed.
    public var line: Int
}

extension ImportBatch {
    /// Refuses every milestone confirmation whose plan is not among `plans`, or whose milestone
    /// that plan lacks: an error at the field concerned, the record's line among its file's
    /// refused lines, and the confirmation dropped from the batch.
    mutating func refuseUnknownMilestones(_ plans: [MilestonePlan]) {
        var milestones: [String: Set<Int>] = [:]
        for plan in plans { milestones[plan.id, default: []].formUnion(plan.milestones.map(\.number)) }
        var kept: [MilestoneConfirmation] = []
        var keptSites: [MilestoneConfirmationSite] = []
        for (confirmation, site) in zip(masterData.milestoneConfirmations, milestoneConfirmationSites) {
            var problem: ImportDiagnostic
            if let known = milestones[confirmation.plan] {
                guard !known.contains(confirmation.milestone) else {
                    kept.append(confirmation)
                    keptSites.append(site)
                    continue
                }
                problem = site.milestone
                problem.message =
                    "milestone plan \(confirmation.plan) has no milestone \(confirmation.milestone) "
                    + "(it has \(known.sorted().map(String.init).joined(separator: ", ")))"
            } else {
                problem = site.plan
                problem.message = "no milestone plan \(confirmation.plan) in the store or the files read"
            }
            diagnostics.append(problem)
            if let index = files.firstIndex(where: { $0.path == problem.file }) {
                files[index].rejectedLines.insert(site.line)
            }
        }
        masterData.milestoneConfirmations = kept
        milestoneConfirmationSites = keptSites
    }
}
