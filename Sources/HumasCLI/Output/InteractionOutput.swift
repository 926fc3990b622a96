import Humas

/// How activities, participants, follow-ups and timelines read in a terminal.
func printInteraction(_ interaction: Interaction, _ output: OutputOptions) throws {
    if output.json { return try output.printJSON(interaction) }
    printInteractionFields(interaction)
}

func printInteractionFields(_ interaction: Interaction) {
    var fields = [
        ("id", String(interaction.id)), ("title", interaction.title),
        ("kind", interaction.kind.rawValue), ("mode", interaction.mode.rawValue), ("strategy", interaction.strategy.rawValue),
        ("status", interaction.status.rawValue + (interaction.cancelReason.map { " (\($0))" } ?? "")),
        ("starts", interaction.startsAt.description), ("ends", interaction.endsAt?.description ?? ""),
        ("unit", "\(interaction.unitCode) (\(interaction.unitName))"),
        ("co-organizers", interaction.coorganizers.joined(separator: ", ")),
        ("place", interaction.place ?? ""), ("link", interaction.meetingUrl ?? ""),
        ("summary", interaction.summary ?? ""), ("outcome", interaction.outcome ?? ""),
        ("participants", "\(interaction.invitedCount) invited, \(interaction.attendedCount) attended"),
        ("audience", String(interaction.audienceCount)),
    ]
    if !interaction.documentationUrls.isEmpty {
        fields.append(("documentation", interaction.documentationUrls.joined(separator: " ")))
    }
    printFields(fields)
}

func printInteractionTable(_ interactions: [Interaction]) {
    var table = TextTable(columns: ["ID", "STARTS", "KIND", "MODE", "STRATEGY", "STATUS", "UNIT", "TITLE", "ATTENDED"])
    for interaction in interactions {
        table.add([String(interaction.id), interaction.startsAt.description, interaction.kind.rawValue, interaction.mode.rawValue,
                   interaction.strategy.rawValue, interaction.status.rawValue, interaction.unitCode, interaction.title,
                   String(interaction.attendedCount)])
    }
    print(table.render())
}

func printParticipantTable(_ participants: [Participant]) {
    var table = TextTable(columns: ["CONTACT", "ORGANIZATION", "NAME", "VIA", "ROLE", "INVITED", "ATTENDED"])
    for participant in participants {
        table.add([participant.contactId.map(String.init) ?? "", participant.organizationId.map(String.init) ?? "",
                   participant.name, participant.viaOrganization ?? "", participant.role.rawValue,
                   participant.invited ? "yes" : "no", participant.attended.map { $0 ? "yes" : "no" } ?? "-"])
    }
    print(table.render())
}

func printFollowupTable(_ followups: [Followup]) {
    var table = TextTable(columns: ["FOLLOW-UP", "ACTIVITY", "ACTION", "ASSIGNEE", "DUE", "DONE"])
    for followup in followups {
        table.add([String(followup.id), "\(followup.interactionId) \(followup.interactionTitle)", followup.action,
                   followup.assigneeEmail ?? "", followup.dueOn?.description ?? "", followup.doneOn?.description ?? "no"])
    }
    print(table.render())
}

func printTimeline(_ page: TimelinePage, _ output: OutputOptions, _ options: PageOptions) throws {
    if output.json { return try output.printJSON(page) }
    var table = TextTable(columns: ["WHEN", "WHAT", "DETAIL", "ROLE", "ATTENDED"], maxColumnWidth: 60)
    for entry in page.entries {
        switch entry.type {
        case .interaction:
            table.add([entry.at.description, entry.interactionKind?.rawValue ?? "interaction",
                       "#\(entry.interactionId ?? 0) \(entry.title ?? "") (\(entry.unitCode ?? ""), \(entry.status?.rawValue ?? ""))"
                           + (entry.contactName.map { " — \($0)" } ?? ""),
                       entry.role ?? "", entry.attended.map { $0 ? "yes" : "no" } ?? "-"])
        case .affiliationStarted, .affiliationEnded:
            let verb = entry.type == .affiliationStarted ? "joined" : "left"
            table.add([entry.at.description, entry.type.rawValue,
                       [entry.contactName, verb, entry.organizationName].compactMap { $0 }.joined(separator: " "), entry.role ?? "", ""])
        case .mailing:
            table.add([entry.at.description, "mailing",
                       "#\(entry.mailingId ?? 0) \(entry.title ?? "") (\(entry.unitCode ?? ""), \(entry.deliveryStatus ?? ""))", "", "-"])
        }
    }
    print(table.render())
    options.printNextHint(page.nextCursor)
}
