-- Messages other modules deliver (nudges, milestones) are looked up by their key before they are added again.
CREATE INDEX ix_assistant_messages_workspace_id_user_id_client_message_id ON assistant_messages (workspace_id, user_id, client_message_id);
