/**
 * The plain string fields of Halo's agent record (`Uname`), copied from Halo's published OpenAPI
 * document (components.schemas.Uname, properties with type string and no format; source:
 * shared reference halo-openapi.json, info.version v2). `matching.agentIdField` must be one of
 * these, because the Google id is a string that Halo must store as written.
 */
export const HALO_AGENT_STRING_FIELDS: readonly string[] = [
  'name', 'lastonline', 'team', 'email', 'ad', 'agentphotopath', 'initials', 'firstname', 'surname',
  'colour', 'jobtitle', 'sms', 'extensionnumber', 'role_list', 'current_action_type', 'current_action_name',
  'googleemail', 'linemanager_name', 'exchange_account', 'inbox_clientid', 'password', 'agentphotodata',
  'signature', 'default_filter_name_tickets', 'default_columns_name_tickets', 'default_view_tickets',
  'default_view_tickets_selectedname', 'default_filter_name_opps', 'default_columns_name_opps',
  'default_view_opps', 'default_view_opps_selectedname', 'default_action_view', 'default_feed_view',
  'default_calendar_view', 'calendar_options', 'search_options', 'theme', 'theme_revert', 'language_name',
  'app_colour', 'homescreenchartname', 'homescreenchartpublishedid', 'homescreendashboardname',
  'sidemenudashboardname', 'clientdetails_layout_name', 'nav_layout_name', 'activedirectory_dn',
  'third_party_guid', 'department', 'container_dn', '_importtype', '_importtoken', 'beyondtrust_name',
  'orion_username', 'orion_password', 'ncentral_username', 'soc_username', 'oktaid', 'okta_status',
  'new_ncentral_key', 'new_orion_password', 'exchange_redirect', 'oauth_code', 'oauth_redirect',
  'oauth_type', 'new_access_token', 'new_token_type', 'new_refresh_token', '_disconnectintegration',
  'sentinel_redirect', 'Oo_name', '_warning', 'delegation_user_name', 'graph_host', 'linked_halo_url',
  'github_username', '_signature_id', '_signature', 'default_view_clients_selectedname',
  'default_view_assets_selectedname', 'default_view_customers_selectedname',
  'default_view_users_selectedname', 'default_view_contracts_selectedname',
  'default_columns_sites_selectedname', 'default_columns_users_selectedname', 'pagerduty_email',
  'jira_instance_name', 'default_view_supplier_contracts_selectedname', 'default_view_assets',
  'default_view_assets_selectedid_name', 'matching_value', 'splashtop_url', 'default_splashtop_channelname',
  'use', 'logmeinid', 'jira_id', 'namewithinactive', 'okta_id', 'workday_name', 'workday_timezone',
];
