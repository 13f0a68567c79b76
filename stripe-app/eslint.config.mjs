import uiExtensionConfig from "@stripe/ui-extension-tools/eslint.config.ui-extension.mjs";

export default [...uiExtensionConfig];
