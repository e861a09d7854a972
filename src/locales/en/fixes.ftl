# Workspace fixes: door labels, the badge sheet, error summaries.
fixes-door-no-room = no room
fixes-badge-count = { $n ->
    [one] 1 badge to print.
   *[other] { $n } badges to print.
}
fixes-badge-include-online = Include online attendees (they do not come to the doors)
fixes-badge-apply = Show these badges
fixes-badge-print = Print the badges
# An error summary's line: the field's label, then what is wrong with it.
fixes-summary-item = { $field }: { $message }
fixes-field-consent = Consent
fixes-field-cancel-confirm = Cancellation confirmation
