from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinksResponse")


@_attrs_define
class LinksResponse:
    """
    Attributes:
        accounts_url (str | Unset):
        account_top_up_url (str | Unset):
        account_settings_url (str | Unset):
        admin_ivr_settings (str | Unset):
        admin_product_settings_url (str | Unset):
        admin_public_phones_url (str | Unset):
        affiliate_url (str | Unset):
        apps_url (str | Unset):
        basic_url (str | Unset):
        book_connection_url (str | Unset):
        book_faxline_url (str | Unset):
        book_phoneline_url (str | Unset):
        book_phonenumber_url (str | Unset):
        contacts_url (str | Unset):
        contacts_help_center_url (str | Unset):
        presence_url (str | Unset):
        presence_container_url (str | Unset):
        fax_app_url (str | Unset):
        fax_rescue_url (str | Unset):
        feature_store_url (str | Unset):
        feedback_form_url (str | Unset):
        forwardings_url (str | Unset):
        helpdesk_phone_configuration_url (str | Unset):
        helpdesk_url (str | Unset):
        whats_new_url (str | Unset):
        legacy_token_authenticate_url (str | Unset):
        login_url (str | Unset):
        logout_url (str | Unset):
        notifications_url (str | Unset):
        personal_settings_url (str | Unset):
        phonestats_url (str | Unset):
        rescue_url (str | Unset):
        simquadrat_url (str | Unset):
        start_up_page_url (str | Unset):
        support_url (str | Unset):
        team_url (str | Unset):
        token_authenticate_url (str | Unset):
        user_settings_url (str | Unset):
        mnp_faq_url (str | Unset):
        send_fax_url (str | Unset):
        console_web_url (str | Unset):
        logo_target_url (str | Unset):
        brand_url (str | Unset):
        contract_upselling_url (str | Unset):
        logout_page_url (str | Unset):
        test_programme_url (str | Unset):
        wbci_opt_in_url (str | Unset):
        chatbot_url (str | Unset):
        non_ewr_helpcenter_url (str | Unset):
        data_contingent_tac_url (str | Unset):
        microsoft_teams_url (str | Unset):
        call_package_tac_url (str | Unset):
        payment_settings_url (str | Unset):
        trunking_contingent_advertisement_url (str | Unset):
    """

    accounts_url: str | Unset = UNSET
    account_top_up_url: str | Unset = UNSET
    account_settings_url: str | Unset = UNSET
    admin_ivr_settings: str | Unset = UNSET
    admin_product_settings_url: str | Unset = UNSET
    admin_public_phones_url: str | Unset = UNSET
    affiliate_url: str | Unset = UNSET
    apps_url: str | Unset = UNSET
    basic_url: str | Unset = UNSET
    book_connection_url: str | Unset = UNSET
    book_faxline_url: str | Unset = UNSET
    book_phoneline_url: str | Unset = UNSET
    book_phonenumber_url: str | Unset = UNSET
    contacts_url: str | Unset = UNSET
    contacts_help_center_url: str | Unset = UNSET
    presence_url: str | Unset = UNSET
    presence_container_url: str | Unset = UNSET
    fax_app_url: str | Unset = UNSET
    fax_rescue_url: str | Unset = UNSET
    feature_store_url: str | Unset = UNSET
    feedback_form_url: str | Unset = UNSET
    forwardings_url: str | Unset = UNSET
    helpdesk_phone_configuration_url: str | Unset = UNSET
    helpdesk_url: str | Unset = UNSET
    whats_new_url: str | Unset = UNSET
    legacy_token_authenticate_url: str | Unset = UNSET
    login_url: str | Unset = UNSET
    logout_url: str | Unset = UNSET
    notifications_url: str | Unset = UNSET
    personal_settings_url: str | Unset = UNSET
    phonestats_url: str | Unset = UNSET
    rescue_url: str | Unset = UNSET
    simquadrat_url: str | Unset = UNSET
    start_up_page_url: str | Unset = UNSET
    support_url: str | Unset = UNSET
    team_url: str | Unset = UNSET
    token_authenticate_url: str | Unset = UNSET
    user_settings_url: str | Unset = UNSET
    mnp_faq_url: str | Unset = UNSET
    send_fax_url: str | Unset = UNSET
    console_web_url: str | Unset = UNSET
    logo_target_url: str | Unset = UNSET
    brand_url: str | Unset = UNSET
    contract_upselling_url: str | Unset = UNSET
    logout_page_url: str | Unset = UNSET
    test_programme_url: str | Unset = UNSET
    wbci_opt_in_url: str | Unset = UNSET
    chatbot_url: str | Unset = UNSET
    non_ewr_helpcenter_url: str | Unset = UNSET
    data_contingent_tac_url: str | Unset = UNSET
    microsoft_teams_url: str | Unset = UNSET
    call_package_tac_url: str | Unset = UNSET
    payment_settings_url: str | Unset = UNSET
    trunking_contingent_advertisement_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts_url = self.accounts_url

        account_top_up_url = self.account_top_up_url

        account_settings_url = self.account_settings_url

        admin_ivr_settings = self.admin_ivr_settings

        admin_product_settings_url = self.admin_product_settings_url

        admin_public_phones_url = self.admin_public_phones_url

        affiliate_url = self.affiliate_url

        apps_url = self.apps_url

        basic_url = self.basic_url

        book_connection_url = self.book_connection_url

        book_faxline_url = self.book_faxline_url

        book_phoneline_url = self.book_phoneline_url

        book_phonenumber_url = self.book_phonenumber_url

        contacts_url = self.contacts_url

        contacts_help_center_url = self.contacts_help_center_url

        presence_url = self.presence_url

        presence_container_url = self.presence_container_url

        fax_app_url = self.fax_app_url

        fax_rescue_url = self.fax_rescue_url

        feature_store_url = self.feature_store_url

        feedback_form_url = self.feedback_form_url

        forwardings_url = self.forwardings_url

        helpdesk_phone_configuration_url = self.helpdesk_phone_configuration_url

        helpdesk_url = self.helpdesk_url

        whats_new_url = self.whats_new_url

        legacy_token_authenticate_url = self.legacy_token_authenticate_url

        login_url = self.login_url

        logout_url = self.logout_url

        notifications_url = self.notifications_url

        personal_settings_url = self.personal_settings_url

        phonestats_url = self.phonestats_url

        rescue_url = self.rescue_url

        simquadrat_url = self.simquadrat_url

        start_up_page_url = self.start_up_page_url

        support_url = self.support_url

        team_url = self.team_url

        token_authenticate_url = self.token_authenticate_url

        user_settings_url = self.user_settings_url

        mnp_faq_url = self.mnp_faq_url

        send_fax_url = self.send_fax_url

        console_web_url = self.console_web_url

        logo_target_url = self.logo_target_url

        brand_url = self.brand_url

        contract_upselling_url = self.contract_upselling_url

        logout_page_url = self.logout_page_url

        test_programme_url = self.test_programme_url

        wbci_opt_in_url = self.wbci_opt_in_url

        chatbot_url = self.chatbot_url

        non_ewr_helpcenter_url = self.non_ewr_helpcenter_url

        data_contingent_tac_url = self.data_contingent_tac_url

        microsoft_teams_url = self.microsoft_teams_url

        call_package_tac_url = self.call_package_tac_url

        payment_settings_url = self.payment_settings_url

        trunking_contingent_advertisement_url = (
            self.trunking_contingent_advertisement_url
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if accounts_url is not UNSET:
            field_dict["accountsUrl"] = accounts_url
        if account_top_up_url is not UNSET:
            field_dict["accountTopUpUrl"] = account_top_up_url
        if account_settings_url is not UNSET:
            field_dict["accountSettingsUrl"] = account_settings_url
        if admin_ivr_settings is not UNSET:
            field_dict["adminIvrSettings"] = admin_ivr_settings
        if admin_product_settings_url is not UNSET:
            field_dict["adminProductSettingsUrl"] = admin_product_settings_url
        if admin_public_phones_url is not UNSET:
            field_dict["adminPublicPhonesUrl"] = admin_public_phones_url
        if affiliate_url is not UNSET:
            field_dict["affiliateUrl"] = affiliate_url
        if apps_url is not UNSET:
            field_dict["appsUrl"] = apps_url
        if basic_url is not UNSET:
            field_dict["basicUrl"] = basic_url
        if book_connection_url is not UNSET:
            field_dict["bookConnectionUrl"] = book_connection_url
        if book_faxline_url is not UNSET:
            field_dict["bookFaxlineUrl"] = book_faxline_url
        if book_phoneline_url is not UNSET:
            field_dict["bookPhonelineUrl"] = book_phoneline_url
        if book_phonenumber_url is not UNSET:
            field_dict["bookPhonenumberUrl"] = book_phonenumber_url
        if contacts_url is not UNSET:
            field_dict["contactsUrl"] = contacts_url
        if contacts_help_center_url is not UNSET:
            field_dict["contactsHelpCenterUrl"] = contacts_help_center_url
        if presence_url is not UNSET:
            field_dict["presenceUrl"] = presence_url
        if presence_container_url is not UNSET:
            field_dict["presenceContainerUrl"] = presence_container_url
        if fax_app_url is not UNSET:
            field_dict["faxAppUrl"] = fax_app_url
        if fax_rescue_url is not UNSET:
            field_dict["faxRescueUrl"] = fax_rescue_url
        if feature_store_url is not UNSET:
            field_dict["featureStoreUrl"] = feature_store_url
        if feedback_form_url is not UNSET:
            field_dict["feedbackFormUrl"] = feedback_form_url
        if forwardings_url is not UNSET:
            field_dict["forwardingsUrl"] = forwardings_url
        if helpdesk_phone_configuration_url is not UNSET:
            field_dict["helpdeskPhoneConfigurationUrl"] = (
                helpdesk_phone_configuration_url
            )
        if helpdesk_url is not UNSET:
            field_dict["helpdeskUrl"] = helpdesk_url
        if whats_new_url is not UNSET:
            field_dict["whatsNewUrl"] = whats_new_url
        if legacy_token_authenticate_url is not UNSET:
            field_dict["legacyTokenAuthenticateUrl"] = legacy_token_authenticate_url
        if login_url is not UNSET:
            field_dict["loginUrl"] = login_url
        if logout_url is not UNSET:
            field_dict["logoutUrl"] = logout_url
        if notifications_url is not UNSET:
            field_dict["notificationsUrl"] = notifications_url
        if personal_settings_url is not UNSET:
            field_dict["personalSettingsUrl"] = personal_settings_url
        if phonestats_url is not UNSET:
            field_dict["phonestatsUrl"] = phonestats_url
        if rescue_url is not UNSET:
            field_dict["rescueUrl"] = rescue_url
        if simquadrat_url is not UNSET:
            field_dict["simquadratUrl"] = simquadrat_url
        if start_up_page_url is not UNSET:
            field_dict["startUpPageUrl"] = start_up_page_url
        if support_url is not UNSET:
            field_dict["supportUrl"] = support_url
        if team_url is not UNSET:
            field_dict["teamUrl"] = team_url
        if token_authenticate_url is not UNSET:
            field_dict["tokenAuthenticateUrl"] = token_authenticate_url
        if user_settings_url is not UNSET:
            field_dict["userSettingsUrl"] = user_settings_url
        if mnp_faq_url is not UNSET:
            field_dict["mnpFaqUrl"] = mnp_faq_url
        if send_fax_url is not UNSET:
            field_dict["sendFaxUrl"] = send_fax_url
        if console_web_url is not UNSET:
            field_dict["consoleWebUrl"] = console_web_url
        if logo_target_url is not UNSET:
            field_dict["logoTargetUrl"] = logo_target_url
        if brand_url is not UNSET:
            field_dict["brandUrl"] = brand_url
        if contract_upselling_url is not UNSET:
            field_dict["contractUpsellingUrl"] = contract_upselling_url
        if logout_page_url is not UNSET:
            field_dict["logoutPageUrl"] = logout_page_url
        if test_programme_url is not UNSET:
            field_dict["testProgrammeUrl"] = test_programme_url
        if wbci_opt_in_url is not UNSET:
            field_dict["wbciOptInUrl"] = wbci_opt_in_url
        if chatbot_url is not UNSET:
            field_dict["chatbotUrl"] = chatbot_url
        if non_ewr_helpcenter_url is not UNSET:
            field_dict["nonEWRHelpcenterUrl"] = non_ewr_helpcenter_url
        if data_contingent_tac_url is not UNSET:
            field_dict["dataContingentTacUrl"] = data_contingent_tac_url
        if microsoft_teams_url is not UNSET:
            field_dict["microsoftTeamsUrl"] = microsoft_teams_url
        if call_package_tac_url is not UNSET:
            field_dict["callPackageTacUrl"] = call_package_tac_url
        if payment_settings_url is not UNSET:
            field_dict["paymentSettingsUrl"] = payment_settings_url
        if trunking_contingent_advertisement_url is not UNSET:
            field_dict["trunkingContingentAdvertisementUrl"] = (
                trunking_contingent_advertisement_url
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accounts_url = d.pop("accountsUrl", UNSET)

        account_top_up_url = d.pop("accountTopUpUrl", UNSET)

        account_settings_url = d.pop("accountSettingsUrl", UNSET)

        admin_ivr_settings = d.pop("adminIvrSettings", UNSET)

        admin_product_settings_url = d.pop("adminProductSettingsUrl", UNSET)

        admin_public_phones_url = d.pop("adminPublicPhonesUrl", UNSET)

        affiliate_url = d.pop("affiliateUrl", UNSET)

        apps_url = d.pop("appsUrl", UNSET)

        basic_url = d.pop("basicUrl", UNSET)

        book_connection_url = d.pop("bookConnectionUrl", UNSET)

        book_faxline_url = d.pop("bookFaxlineUrl", UNSET)

        book_phoneline_url = d.pop("bookPhonelineUrl", UNSET)

        book_phonenumber_url = d.pop("bookPhonenumberUrl", UNSET)

        contacts_url = d.pop("contactsUrl", UNSET)

        contacts_help_center_url = d.pop("contactsHelpCenterUrl", UNSET)

        presence_url = d.pop("presenceUrl", UNSET)

        presence_container_url = d.pop("presenceContainerUrl", UNSET)

        fax_app_url = d.pop("faxAppUrl", UNSET)

        fax_rescue_url = d.pop("faxRescueUrl", UNSET)

        feature_store_url = d.pop("featureStoreUrl", UNSET)

        feedback_form_url = d.pop("feedbackFormUrl", UNSET)

        forwardings_url = d.pop("forwardingsUrl", UNSET)

        helpdesk_phone_configuration_url = d.pop("helpdeskPhoneConfigurationUrl", UNSET)

        helpdesk_url = d.pop("helpdeskUrl", UNSET)

        whats_new_url = d.pop("whatsNewUrl", UNSET)

        legacy_token_authenticate_url = d.pop("legacyTokenAuthenticateUrl", UNSET)

        login_url = d.pop("loginUrl", UNSET)

        logout_url = d.pop("logoutUrl", UNSET)

        notifications_url = d.pop("notificationsUrl", UNSET)

        personal_settings_url = d.pop("personalSettingsUrl", UNSET)

        phonestats_url = d.pop("phonestatsUrl", UNSET)

        rescue_url = d.pop("rescueUrl", UNSET)

        simquadrat_url = d.pop("simquadratUrl", UNSET)

        start_up_page_url = d.pop("startUpPageUrl", UNSET)

        support_url = d.pop("supportUrl", UNSET)

        team_url = d.pop("teamUrl", UNSET)

        token_authenticate_url = d.pop("tokenAuthenticateUrl", UNSET)

        user_settings_url = d.pop("userSettingsUrl", UNSET)

        mnp_faq_url = d.pop("mnpFaqUrl", UNSET)

        send_fax_url = d.pop("sendFaxUrl", UNSET)

        console_web_url = d.pop("consoleWebUrl", UNSET)

        logo_target_url = d.pop("logoTargetUrl", UNSET)

        brand_url = d.pop("brandUrl", UNSET)

        contract_upselling_url = d.pop("contractUpsellingUrl", UNSET)

        logout_page_url = d.pop("logoutPageUrl", UNSET)

        test_programme_url = d.pop("testProgrammeUrl", UNSET)

        wbci_opt_in_url = d.pop("wbciOptInUrl", UNSET)

        chatbot_url = d.pop("chatbotUrl", UNSET)

        non_ewr_helpcenter_url = d.pop("nonEWRHelpcenterUrl", UNSET)

        data_contingent_tac_url = d.pop("dataContingentTacUrl", UNSET)

        microsoft_teams_url = d.pop("microsoftTeamsUrl", UNSET)

        call_package_tac_url = d.pop("callPackageTacUrl", UNSET)

        payment_settings_url = d.pop("paymentSettingsUrl", UNSET)

        trunking_contingent_advertisement_url = d.pop(
            "trunkingContingentAdvertisementUrl", UNSET
        )

        links_response = cls(
            accounts_url=accounts_url,
            account_top_up_url=account_top_up_url,
            account_settings_url=account_settings_url,
            admin_ivr_settings=admin_ivr_settings,
            admin_product_settings_url=admin_product_settings_url,
            admin_public_phones_url=admin_public_phones_url,
            affiliate_url=affiliate_url,
            apps_url=apps_url,
            basic_url=basic_url,
            book_connection_url=book_connection_url,
            book_faxline_url=book_faxline_url,
            book_phoneline_url=book_phoneline_url,
            book_phonenumber_url=book_phonenumber_url,
            contacts_url=contacts_url,
            contacts_help_center_url=contacts_help_center_url,
            presence_url=presence_url,
            presence_container_url=presence_container_url,
            fax_app_url=fax_app_url,
            fax_rescue_url=fax_rescue_url,
            feature_store_url=feature_store_url,
            feedback_form_url=feedback_form_url,
            forwardings_url=forwardings_url,
            helpdesk_phone_configuration_url=helpdesk_phone_configuration_url,
            helpdesk_url=helpdesk_url,
            whats_new_url=whats_new_url,
            legacy_token_authenticate_url=legacy_token_authenticate_url,
            login_url=login_url,
            logout_url=logout_url,
            notifications_url=notifications_url,
            personal_settings_url=personal_settings_url,
            phonestats_url=phonestats_url,
            rescue_url=rescue_url,
            simquadrat_url=simquadrat_url,
            start_up_page_url=start_up_page_url,
            support_url=support_url,
            team_url=team_url,
            token_authenticate_url=token_authenticate_url,
            user_settings_url=user_settings_url,
            mnp_faq_url=mnp_faq_url,
            send_fax_url=send_fax_url,
            console_web_url=console_web_url,
            logo_target_url=logo_target_url,
            brand_url=brand_url,
            contract_upselling_url=contract_upselling_url,
            logout_page_url=logout_page_url,
            test_programme_url=test_programme_url,
            wbci_opt_in_url=wbci_opt_in_url,
            chatbot_url=chatbot_url,
            non_ewr_helpcenter_url=non_ewr_helpcenter_url,
            data_contingent_tac_url=data_contingent_tac_url,
            microsoft_teams_url=microsoft_teams_url,
            call_package_tac_url=call_package_tac_url,
            payment_settings_url=payment_settings_url,
            trunking_contingent_advertisement_url=trunking_contingent_advertisement_url,
        )

        links_response.additional_properties = d
        return links_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
