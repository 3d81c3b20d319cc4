import ArgumentParser
import Exporters
import Foundation
import Importers
import InvoicingCore

extension InvoiceRunCommand {
    /// Converts an e-invoice from one format to another, without a store or a run.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Convert a UBL 2.1, CII D16B, EDIFACT INVOIC or X12 810 invoice to UBL, CII, EDIFACT, X12, canonical XML, CSV or the text layout.",
            discussion: """
                The input format is told from the content: an EDIFACT interchange starts with UNA or UNB, an X12 one \
                with ISA, and XML by its root element. The invoice is checked against the \
                EN 16931 arithmetic before UBL, CII, EDIFACT or X12 is written. Business terms of the input that InvoiceRun's \
                model or the target format does not carry are listed on standard error as \
                'FILE: not carried: TERM'; totals that do not follow from the amounts refuse the file. Exit status: \
                0 converted, 1 refused (the reason names the file and line, or the EN 16931 rule), 64 usage error.
                """)

        @Argument(help: "The UBL, CII, EDIFACT or X12 file.")
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
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ValidationError("\(input): cannot read the file")
            }
            let bytes = [UInt8](data)
            let reading: EInvoiceReading
            do {
                if EDIInvoiceReader.syntax(of: bytes) != nil {
                    reading = try EDIInvoiceReader.read(bytes, fileName: input)
                } else if let text = String(validating: bytes, as: UTF8.self) {
                    reading = try EInvoiceReader.read(text, fileName: input)
                } else {
                    throw ValidationError("\(input): cannot read the file as UTF-8 text")
                }
            } catch let error as ImportDiagnostic {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(1)
            }
            let invoice = reading.invoice
            let check = EN16931Check(rounding: RoundingRule(rawValue: rounding) ?? .halfUp, vatAmounts: .stated)
            var notes = (reading.notCarried + to.conversion.notCarried(invoice)).map { "not carried: \($0)" }
            if [.ubl, .cii, .edifact, .x12].contains(to), let amounts = try? EN16931Amounts(invoice) {
                notes += check.deviations(of: amounts).map { "VAT kept: \($0)" }
            }
            let output: [UInt8]
            do {
                let rendered = try render(reading, check: check)
                output = rendered.bytes
                notes += rendered.folded.map { "folded in \(to.rawValue): \($0)" }
            } catch let error as EInvoiceError {
                FileHandle.standardError.write(Data("\(input): \(error)\n".utf8))
                throw ExitCode(1)
            }
            for note in notes {
                FileHandle.standardError.write(Data("\(input): \(note)\n".utf8))
            }
            if let out {
                try Data(output).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(output))
            }
        }

        /// The output's bytes (ISO 8859-1 for EDIFACT, ASCII for X12, UTF-8 otherwise) and the
        /// characters folded into the target's repertoire.
        private func render(_ reading: EInvoiceReading, check: EN16931Check) throws -> (
            bytes: [UInt8], folded: [String]
        ) {
            let invoice = reading.invoice
            func text(_ text: String) -> ([UInt8], [String]) { (Array(text.utf8), []) }
            switch to {
            case .ubl:
                let chosen =
                    profile.flatMap(UBLInvoice.Profile.init(rawValue:)) ?? (reading.declaresPEPPOL ? .peppol : .en16931)
                return text(try UBLInvoice.render(invoice, check: check, profile: chosen))
            case .cii: return text(try CIIInvoice.render(invoice, check: check))
            case .edifact:
                let interchange = try EDIFACTInvoic.interchange(invoice, check: check)
                return (interchange.bytes, interchange.folded)
            case .x12:
                let interchange = try X12Invoice810.interchange(invoice, check: check)
                return (interchange.bytes, interchange.folded)
            case .canonicalXML: return text(try InvoiceXML.render(invoice))
            case .csv: return text(InvoiceCSV.render([invoice]))
            case .text:
                let resources = try resourceOptions.locate()
                let layouts = try PrintLayouts(directory: resources.templates, overrides: resourceOptions.templates)
                return text(try layouts.render(InvoicePrintModel(invoice)))
            }
        }
    }
}

extension InvoiceRunCommand.Convert {
    /// The formats an e-invoice can be converted to, as the command line names them.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case ubl, cii, edifact, x12
        case canonicalXML = "canonical-xml"
        case csv, text

        /// The target as the exporters know it.
        var conversion: ConversionTarget {
            switch self {
            case .ubl: return .ubl
            case .cii: return .cii
            case .edifact: return .edifact
            case .x12: return .x12
            case .canonicalXML: return .canonicalXML
            case .csv: return .csv
            case .text: return .text
            }
        }
    }
}
