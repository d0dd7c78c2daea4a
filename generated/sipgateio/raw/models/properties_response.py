from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PropertiesResponse")


@_attrs_define
class PropertiesResponse:
    """
    Attributes:
        identity_verification_required (bool | Unset):
        verification_letter_code_required (bool | Unset):
        show_sip_credentials (bool | Unset):
        show_register_dnd_option (bool | Unset):
        show_display_single_line_option (bool | Unset):
        show_click_2_dial_button (bool | Unset):
        show_verification_letter (bool | Unset):
        has_dedicated_admin_area (bool | Unset):
        show_sim_relevant_options (bool | Unset):
        show_e_sim_options (bool | Unset):
        show_event_time_to_live_hint (bool | Unset):
        show_netto_prices (bool | Unset):
        show_basic_logo (bool | Unset):
        show_simquadrat_logo (bool | Unset):
        identity_verification_required_for_mobile (bool | Unset):
        chatbot_human (bool | Unset):
        chatbot_using_informal_language (bool | Unset):
        multi_sim_product (bool | Unset):
        product_without_base_fee (bool | Unset):
        voip_only_product (bool | Unset):
        mobile_only_product (bool | Unset):
    """

    identity_verification_required: bool | Unset = UNSET
    verification_letter_code_required: bool | Unset = UNSET
    show_sip_credentials: bool | Unset = UNSET
    show_register_dnd_option: bool | Unset = UNSET
    show_display_single_line_option: bool | Unset = UNSET
    show_click_2_dial_button: bool | Unset = UNSET
    show_verification_letter: bool | Unset = UNSET
    has_dedicated_admin_area: bool | Unset = UNSET
    show_sim_relevant_options: bool | Unset = UNSET
    show_e_sim_options: bool | Unset = UNSET
    show_event_time_to_live_hint: bool | Unset = UNSET
    show_netto_prices: bool | Unset = UNSET
    show_basic_logo: bool | Unset = UNSET
    show_simquadrat_logo: bool | Unset = UNSET
    identity_verification_required_for_mobile: bool | Unset = UNSET
    chatbot_human: bool | Unset = UNSET
    chatbot_using_informal_language: bool | Unset = UNSET
    multi_sim_product: bool | Unset = UNSET
    product_without_base_fee: bool | Unset = UNSET
    voip_only_product: bool | Unset = UNSET
    mobile_only_product: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identity_verification_required = self.identity_verification_required

        verification_letter_code_required = self.verification_letter_code_required

        show_sip_credentials = self.show_sip_credentials

        show_register_dnd_option = self.show_register_dnd_option

        show_display_single_line_option = self.show_display_single_line_option

        show_click_2_dial_button = self.show_click_2_dial_button

        show_verification_letter = self.show_verification_letter

        has_dedicated_admin_area = self.has_dedicated_admin_area

        show_sim_relevant_options = self.show_sim_relevant_options

        show_e_sim_options = self.show_e_sim_options

        show_event_time_to_live_hint = self.show_event_time_to_live_hint

        show_netto_prices = self.show_netto_prices

        show_basic_logo = self.show_basic_logo

        show_simquadrat_logo = self.show_simquadrat_logo

        identity_verification_required_for_mobile = (
            self.identity_verification_required_for_mobile
        )

        chatbot_human = self.chatbot_human

        chatbot_using_informal_language = self.chatbot_using_informal_language

        multi_sim_product = self.multi_sim_product

        product_without_base_fee = self.product_without_base_fee

        voip_only_product = self.voip_only_product

        mobile_only_product = self.mobile_only_product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identity_verification_required is not UNSET:
            field_dict["identityVerificationRequired"] = identity_verification_required
        if verification_letter_code_required is not UNSET:
            field_dict["verificationLetterCodeRequired"] = (
                verification_letter_code_required
            )
        if show_sip_credentials is not UNSET:
            field_dict["showSipCredentials"] = show_sip_credentials
        if show_register_dnd_option is not UNSET:
            field_dict["showRegisterDndOption"] = show_register_dnd_option
        if show_display_single_line_option is not UNSET:
            field_dict["showDisplaySingleLineOption"] = show_display_single_line_option
        if show_click_2_dial_button is not UNSET:
            field_dict["showClick2DialButton"] = show_click_2_dial_button
        if show_verification_letter is not UNSET:
            field_dict["showVerificationLetter"] = show_verification_letter
        if has_dedicated_admin_area is not UNSET:
            field_dict["hasDedicatedAdminArea"] = has_dedicated_admin_area
        if show_sim_relevant_options is not UNSET:
            field_dict["showSimRelevantOptions"] = show_sim_relevant_options
        if show_e_sim_options is not UNSET:
            field_dict["showESimOptions"] = show_e_sim_options
        if show_event_time_to_live_hint is not UNSET:
            field_dict["showEventTimeToLiveHint"] = show_event_time_to_live_hint
        if show_netto_prices is not UNSET:
            field_dict["showNettoPrices"] = show_netto_prices
        if show_basic_logo is not UNSET:
            field_dict["showBasicLogo"] = show_basic_logo
        if show_simquadrat_logo is not UNSET:
            field_dict["showSimquadratLogo"] = show_simquadrat_logo
        if identity_verification_required_for_mobile is not UNSET:
            field_dict["identityVerificationRequiredForMobile"] = (
                identity_verification_required_for_mobile
            )
        if chatbot_human is not UNSET:
            field_dict["chatbotHuman"] = chatbot_human
        if chatbot_using_informal_language is not UNSET:
            field_dict["chatbotUsingInformalLanguage"] = chatbot_using_informal_language
        if multi_sim_product is not UNSET:
            field_dict["multiSimProduct"] = multi_sim_product
        if product_without_base_fee is not UNSET:
            field_dict["productWithoutBaseFee"] = product_without_base_fee
        if voip_only_product is not UNSET:
            field_dict["voipOnlyProduct"] = voip_only_product
        if mobile_only_product is not UNSET:
            field_dict["mobileOnlyProduct"] = mobile_only_product

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        identity_verification_required = d.pop("identityVerificationRequired", UNSET)

        verification_letter_code_required = d.pop(
            "verificationLetterCodeRequired", UNSET
        )

        show_sip_credentials = d.pop("showSipCredentials", UNSET)

        show_register_dnd_option = d.pop("showRegisterDndOption", UNSET)

        show_display_single_line_option = d.pop("showDisplaySingleLineOption", UNSET)

        show_click_2_dial_button = d.pop("showClick2DialButton", UNSET)

        show_verification_letter = d.pop("showVerificationLetter", UNSET)

        has_dedicated_admin_area = d.pop("hasDedicatedAdminArea", UNSET)

        show_sim_relevant_options = d.pop("showSimRelevantOptions", UNSET)

        show_e_sim_options = d.pop("showESimOptions", UNSET)

        show_event_time_to_live_hint = d.pop("showEventTimeToLiveHint", UNSET)

        show_netto_prices = d.pop("showNettoPrices", UNSET)

        show_basic_logo = d.pop("showBasicLogo", UNSET)

        show_simquadrat_logo = d.pop("showSimquadratLogo", UNSET)

        identity_verification_required_for_mobile = d.pop(
            "identityVerificationRequiredForMobile", UNSET
        )

        chatbot_human = d.pop("chatbotHuman", UNSET)

        chatbot_using_informal_language = d.pop("chatbotUsingInformalLanguage", UNSET)

        multi_sim_product = d.pop("multiSimProduct", UNSET)

        product_without_base_fee = d.pop("productWithoutBaseFee", UNSET)

        voip_only_product = d.pop("voipOnlyProduct", UNSET)

        mobile_only_product = d.pop("mobileOnlyProduct", UNSET)

        properties_response = cls(
            identity_verification_required=identity_verification_required,
            verification_letter_code_required=verification_letter_code_required,
            show_sip_credentials=show_sip_credentials,
            show_register_dnd_option=show_register_dnd_option,
            show_display_single_line_option=show_display_single_line_option,
            show_click_2_dial_button=show_click_2_dial_button,
            show_verification_letter=show_verification_letter,
            has_dedicated_admin_area=has_dedicated_admin_area,
            show_sim_relevant_options=show_sim_relevant_options,
            show_e_sim_options=show_e_sim_options,
            show_event_time_to_live_hint=show_event_time_to_live_hint,
            show_netto_prices=show_netto_prices,
            show_basic_logo=show_basic_logo,
            show_simquadrat_logo=show_simquadrat_logo,
            identity_verification_required_for_mobile=identity_verification_required_for_mobile,
            chatbot_human=chatbot_human,
            chatbot_using_informal_language=chatbot_using_informal_language,
            multi_sim_product=multi_sim_product,
            product_without_base_fee=product_without_base_fee,
            voip_only_product=voip_only_product,
            mobile_only_product=mobile_only_product,
        )

        properties_response.additional_properties = d
        return properties_response

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
