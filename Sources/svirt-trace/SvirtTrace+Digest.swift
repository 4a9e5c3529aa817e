import Alerts
import ArgumentParser
import Digest
import Formatting
import Native
import Foundation
import Store
import Reports

extension SvirtTrace {
    struct DigestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Summarise a day, a week or any period for the security team, as text, HTML or a mail.",
            discussion: """
                PERIOD
                  day is the last complete local calendar day before now, week the last complete \
                ISO week (Monday to Monday), SINCE..UNTIL any range in the forms query --since takes \
                (2026-11-21T00:00:00Z..2026-11-28T00:00:00Z), at most 400 days. A digest covers exactly its period: \
                run twice, or late, it says the same. $SVIRT_TRACE_NOW pins "now".

                CONTENT (text and HTML carry the same facts)
                  1 headline counts against the period before: cross-guest, unknown labels, \
                guest-host, ALLOWED (permissive) and policy changes; 2 cross-guest pairs with \
                counts, perms, first and last time and node (the HTML adds a source x target \
                heatmap per node); 3 guest-host denials by guest, host type and class, most severe \
                first (the severity watch's alert rules give them); 4 the guests with the most \
                denials, guests seen for the first time, unknown labels; 5 label collisions and host \
                changes: enforcing, boolean and policy-load changes with who made them, guests \
                started with a weak, shared or whole-disk label or none, libvirt records refused \
                as forged, and clock steps (over the stretch of stamps they repeat), at most a \
                list's length of each kind; 6 needs-boolean \
                findings under each boolean with its setsebool -P command, stale-image and \
                shared-content-write findings; 7 pipeline health: nodes, last event per node \
                (silent ones flagged), parse errors, guest stops that were never logged; 8 denials \
                per hour (day) or per day (week) as a bar chart and a sparkline; with each item the \
                svirt-trace query command that shows the detail. Times are local, with their \
                offset, as the day boundaries are. Text lines keep to 78 columns; commands stand on \
                lines of their own (broken with a backslash). Long lists end in "... and N more".

                DETAIL
                  --detail low: the headline and the top 5 of each list, no per-item commands, \
                heatmaps or chart; med (the default): lists capped at 20 (30 cross-guest pairs, 10 \
                guests, 12 guests per heatmap axis), so a busy week's HTML stays under 100 KB (mail \
                clients clip larger messages); high: everything, uncapped.

                MAIL
                  --format mime (the default when --to is given) writes a multipart/alternative \
                message: text/plain then text/html, UTF-8, base64. --send delivers it: by default \
                through "/usr/sbin/sendmail -t -oi" (postfix, exim and msmtp-mta provide it; \
                --sendmail changes the command), or with --mailer smtp://localhost[:PORT] to the \
                MTA on this host. The built-in SMTP client has no STARTTLS and no AUTH, so it only \
                talks to localhost, 127.0.0.1 or ::1; for a relay elsewhere use msmtp (--sendmail \
                "/usr/bin/msmtp -t"), which speaks TLS and AUTH. Addresses are bare local@domain.

                READ-ONLY MEDIA
                  \(ReadOnlyMediaOption.discussion)

                EXIT STATUS
                  0 written or sent (or skipped by --skip-empty); 2 usage error; 4 database error; \
                5 delivery failed (the mailer's error is shown).

                SCHEDULING
                  rules/systemd/svirt-trace-digest.{service,timer} send the daily digest; from cron: \
                5 0 * * * root svirt-trace digest --period day --to soc@example.org --from svirt-trace@$(hostname -f) --send
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var media: ReadOnlyMediaOption

        @Option(parsing: .unconditional, help: ArgumentHelp("day, week, or SINCE..UNTIL.", valueName: "period"))
        var period: String = "day"

        @Option(help: ArgumentHelp("text, html or mime (default: mime with --to, else text).", valueName: "format"))
        var format: String?

        @Option(help: ArgumentHelp("Recipient (repeatable; default: the config file's digest.to).", valueName: "addr"))
        var to: [String] = []

        @Option(help: ArgumentHelp("Sender address (default: the config file's digest.from, else svirt-trace@HOSTNAME).", valueName: "addr"))
        var from: String?

        @Flag(help: "Deliver the message instead of printing it.")
        var send = false

        @Option(help: ArgumentHelp("sendmail, or smtp://localhost[:PORT] for the MTA on this host (no other host: plain SMTP; use msmtp for a relay; default: the config file's digest.mailer, else sendmail).", valueName: "mailer"))
        var mailer: String?

        @Option(help: ArgumentHelp("The sendmail-compatible command, absolute path first (default: /usr/sbin/sendmail -t -oi).", valueName: "command"))
        var sendmail: String?

        @Option(help: ArgumentHelp("low (headline and top items), med (capped lists) or high (everything, uncapped).", valueName: "level"))
        var detail: String = "med"

        @Flag(help: "Write or send nothing when the period had no denial, collision or policy change (policy loads alone are information).")
        var skipEmpty = false

        @Option(help: ArgumentHelp("Only these nodes (repeatable; - for logs without node=).", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        @Option(help: ArgumentHelp("The name in the subject and heading (default: the one node reported, else \"N nodes\").", valueName: "name"))
        var name: String?

        func validate() throws {
            if let format, !["text", "html", "mime"].contains(format) {
                throw ValidationError("--format takes text, html or mime, not \"\(format)\"")
            }
            // The database options (validated first) loaded the config file.
            let to = self.to.isEmpty ? LoadedConfig.settings.digest.to : self.to
            if send && to.isEmpty { throw ValidationError("--send needs at least one --to (or digest.to in the config file)") }
            if (format == "mime" || send) && to.isEmpty { throw ValidationError("a mail needs at least one --to (or digest.to in the config file)") }
            for address in to + ((from ?? LoadedConfig.settings.digest.from).map { [$0] } ?? []) {
                do { _ = try MailAddress(address) } catch { throw ValidationError("\(error)") }
            }
            if DigestDetail(rawValue: detail) == nil {
                throw ValidationError("--detail takes low, med or high, not \"\(detail)\"")
            }
            if let mailer, mailer != "sendmail" {
                guard mailer.hasPrefix("smtp://") else {
                    throw ValidationError("--mailer takes sendmail or smtp://localhost[:PORT], not \"\(mailer)\"")
                }
                do { _ = try LocalSMTPURL(mailer) } catch { throw ValidationError("\(error)") }
            }
        }

        func run() throws {
            // Flags first, then the config file, then the built-in defaults.
            let settings = LoadedConfig.settings.digest
            let to = self.to.isEmpty ? settings.to : self.to
            let from = self.from ?? settings.from
            let mailer = self.mailer ?? settings.mailer ?? "sendmail"
            let sendmail = self.sendmail ?? settings.sendmail ?? "/usr/sbin/sendmail -t -oi"
            let now = try TimeWords.now()
            let digestPeriod: DigestPeriod
            do { digestPeriod = try DigestPeriod.parse(period, nowMilliseconds: now, anchors: TimeWords.anchors(for: period)) } catch {
                Console.error("\(error)")
                throw ExitCode(Status.usage)
            }
            let data: DigestData
            do {
                let db = try media.open(database)
                data = DigestSeverity.ranked(try DigestQuery(period: digestPeriod, nodes: node,
                                                             detail: DigestDetail(rawValue: detail) ?? .med).run(db),
                                             rules: Self.alertRules())
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.database)
            }
            // A misspelt --node would otherwise read as a quiet node.
            // An empty name is `-` to the stores (rows without node=).
            for unknown in node where !data.knownNodes.contains(where: { ExactText($0) == ExactText(unknown.isEmpty ? "-" : unknown) }) {
                Console.error("warning: the store has no node named \"\(unknown)\" (known: \(ListText.joined(data.knownNodes, separator: ", ")))")
            }
            if skipEmpty && data.isQuiet {
                Console.status("digest \(digestPeriod.label): nothing above information, nothing \(send ? "sent" : "written") (--skip-empty)")
                return
            }
            let host = ProcessInfo.processInfo.hostName
            let scope = name ?? Self.scope(data, host: host)
            // A fleet store is named without its password (the digest is mailed): the commands it
            // suggests take it from ~/.pgpass or $PGPASSWORD.
            let wording = DigestWording(databasePath: database.db.map(DatabaseOptions.shown),
                                        timeZone: LocalZone.current.zone)
            let text = TextDigest(scope: scope, wording: wording).render(data)
            let chosen = format ?? (to.isEmpty ? "text" : "mime")
            if chosen == "text" && !send {
                Console.writeStandardOutput(Data(text.utf8))
                return
            }
            let html = HTMLDigest(scope: scope, wording: wording).render(data)
            if chosen == "html" && !send {
                Console.writeStandardOutput(Data(html.utf8))
                return
            }
            let sender: MailAddress, recipients: [MailAddress]
            do {
                // A host name that makes no address (".", say) falls back to localhost.
                sender = try from.map(MailAddress.init)
                    ?? (try? MailAddress("svirt-trace@\(Self.mailHost(host))")) ?? MailAddress("svirt-trace@localhost")
                recipients = try to.map(MailAddress.init)
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.usage)
            }
            let message = MIMEMessage(from: sender, to: recipients, subject: Self.subject(data, scope: scope), text: text,
                                      html: html, date: now, hostName: host).render()
            guard send else {
                Console.writeStandardOutput(Data(message.utf8))
                return
            }
            do {
                let transport: Mailer = mailer == "sendmail"
                    ? try SendmailMailer(command: sendmail)
                    : try SMTPClient(url: mailer, heloName: Self.mailHost(host))
                try transport.send(message, from: sender, to: recipients)
            } catch {
                Console.error("digest not delivered: \(error)")
                throw ExitCode(Status.delivery)
            }
            Console.status("digest \(digestPeriod.label) sent to \(recipients.map(\.text).joined(separator: ", "))")
        }

        /// `[svirt-trace] hv01 2026-11-28: 3 cross-guest, 1 ALLOWED`
        static func subject(_ d: DigestData, scope: String) -> String {
            let h = d.headline
            var parts: [String] = []
            if h.crossGuest > 0 { parts.append("\(h.crossGuest) cross-guest") }
            if h.allowed > 0 { parts.append("\(h.allowed) ALLOWED") }
            if h.guestHost > 0 { parts.append("\(h.guestHost) guest-host") }
            if h.unknownLabels > 0 { parts.append(DigestWording.count(h.unknownLabels, "unknown label")) }
            if h.policyChanges > 0 { parts.append(DigestWording.count(h.policyChanges, "policy change")) }
            if parts.isEmpty { parts.append(h.denials > 0 ? DigestWording.count(h.denials, "denial") + ", nothing critical" : "quiet") }
            let shortScope = scope.count > 60 ? String(scope.prefix(60)) + "…" : scope
            return "[svirt-trace] \(shortScope) \(d.period.label): \(parts.joined(separator: ", "))"
        }

        /// The rules watch alerts by (the config file's, else the built-in ones), for the
        /// guest-host severities; a rules file that does not load falls back to the built-in.
        static func alertRules() -> [AlertRule] {
            guard let path = LoadedConfig.settings.rules else { return AlertRule.defaults }
            return (try? AlertRules.load(path: path)) ?? AlertRule.defaults
        }

        static func scope(_ d: DigestData, host: String) -> String {
            let reporting = d.health.filter { $0.events > 0 }.map(\.node)
            let names = reporting.isEmpty ? d.health.map(\.node) : reporting
            if names.count == 1 { return names[0] == "-" ? host : names[0] }
            return names.isEmpty ? host : "\(names.count) nodes"
        }

        static func mailHost(_ host: String) -> String {
            let clean = host.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
            return clean.isEmpty ? "localhost" : clean
        }
    }
}
