import ArgumentParser
import Exporters
import Foundation
import Importers
import InvoicingCore

extension InvoiceRunCommand {
    /// Converts an e-invoice from one format to another, without a store or a run.
    struct Convert: ParsableCommand {
        /// The formats an e-invoice can be converted to.
        enum Target: String, ExpressibleByArgument, CaseIterable {
            case ubl, cii, edifact, x12
            case canonicalXML = "canonical-xml"
            case csv, text
        }

        static let configuration = CommandConfiguration(
            abstract:
                "Convert a UBL 2.1 or CII D16B invoice to UBL, CII, EDIFACT INVOIC, X12 810, canonical XML, CSV or the text layout.",
            discussion: """
                The input format is told from the document's root element. The invoice is checked against the \
                EN 16931 arithmetic before UBL, CII, EDIFACT or X12 is written. Business terms of the input that InvoiceRun's \
                model or the target format does not carry are listed on standard error as \
                'FILE: not carried: TERM'; totals that do not follow from the amounts refuse the file. Exit status: \
                0 converted, 1 refused (the reason names the file and line, or the EN 16931 rule), 64 usage error.
                """)

        @Argument(help: "The UBL or CII file.")
        var input: String

        @Option(name: .long, help: "ubl, cii, edifact, x12, canonical-xml, csv or text.")
        var to: Target

        @Option(name: .long, help: "The file to write (default: standard output).")
        var out: String?

        @Option(
            name: .long, help: "The rounding VAT amounts were made with, for the EN 16931 check: halfUp or halfEven.")
        var rounding = RoundingRule.halfUp.rawValue

        @Option(
            name: .long,
            help: ArgumentHelp(
                "UBL output: peppol or en16931.",
                discussion:
                    "Default: peppol when the input declares PEPPOL BIS 3.0, en16931 otherwise."
            ))
        var profile: String?

        @OptionGroup var resourceOptions: ResourceOptions

        func validate() throws {
            if let profile, UBLInvoice.Profile(rawValue: profile) == nil {
                throw ValidationError("--profile must be peppol or en16931")
            }
            guard RoundingRule(rawValue: rounding) != nil else {
                throw ValidationError(
                    "--rounding must be one of \(RoundingRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let text: String
            do {
                text = try String(contentsOfFile: input, encoding: .utf8)
            } catch {
                throw ValidationError("\(input): cannot read the file as UTF-8 text")
            }
            let reading: EInvoiceReading
            do {
                reading = try EInvoiceReader.read(text, fileName: input)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
            var notCarried = reading.notCarried
            let invoice = reading.invoice
            if to == .text || to == .csv {
                if !invoice.documentAllowanceCharges.isEmpty {
                    notCarried.append("document-level allowances and charges (BG-20, BG-21) in \(to.rawValue)")
                }
                if invoice.prepaidAmount != nil || invoice.roundingAmount != nil {
                    notCarried.append("prepaid and rounding amounts (BT-113, BT-114) in \(to.rawValue)")
                }
            }
            if to == .edifact || to == .x12 {
                if !invoice.documentAllowanceCharges.isEmpty {
                    notCarried.append(
                        "document-level allowances and charges (BG-20, BG-21) in \(to.rawValue): only their totals")
                }
                if invoice.roundingAmount != nil || (to == .x12 && invoice.prepaidAmount != nil) {
                    notCarried.append("prepaid and rounding amounts (BT-113, BT-114) in \(to.rawValue)")
                }
                if invoice.taxes.contains(where: { $0.exemptionReason != nil || $0.exemptionReasonCode != nil }) {
                    notCarried.append("VAT exemption reasons (BT-120, BT-121) in \(to.rawValue)")
                }
            }
            for term in notCarried {
                FileHandle.standardError.write(Data("\(input): not carried: \(term)\n".utf8))
            }
            let output: String
            do {
                output = try render(reading)
            } catch let error as EInvoiceError {
                FileHandle.standardError.write(Data("\(input): \(error)\n".utf8))
                throw ExitCode(1)
            }
            if let out {
                try Data(output.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                print(output, terminator: "")
            }
        }

        private func render(_ reading: EInvoiceReading) throws -> String {
            let invoice = reading.invoice
            let check = EN16931Check(rounding: RoundingRule(rawValue: rounding) ?? .halfUp)
            switch to {
            case .ubl:
                let chosen =
                    profile.flatMap(UBLInvoice.Profile.init(rawValue:)) ?? (reading.declaresPEPPOL ? .peppol : .en16931)
                return try UBLInvoice.render(invoice, check: check, profile: chosen)
            case .cii: return try CIIInvoice.render(invoice, check: check)
            case .edifact: return try EDIFACTInvoic.render(invoice, check: check)
            case .x12: return try X12Invoice810.render(invoice, check: check)
            case .canonicalXML: return try InvoiceXML.render(invoice)
            case .csv: return InvoiceCSV.render([invoice])
            case .text:
                let resources = try resourceOptions.locate()
                let layouts = try PrintLayouts(directory: resources.templates, overrides: resourceOptions.templates)
                return try layouts.render(InvoicePrintModel(invoice))
            }
        }
    }
}
