"""Gettext catalogs (``<lang>/LC_MESSAGES/messages.po|mo``) and their maintenance (``python -m i18n``)."""
