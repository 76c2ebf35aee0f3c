package cn.tongban.kernel;

import java.util.Locale;

import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * The ID number of a party — a person's 公民身份号码 or a company's 统一社会信用代码 — in the one canonical form its
 * blind index is computed from, wherever it is stored or searched.
 */
public final class IdNumbers {

    private IdNumbers() {
    }

    /**
     * The number normalised for its blind index: a 15- or 18-digit 公民身份号码 through {@link CitizenIdNumber}
     * (15 digits upgraded), anything else of 18 characters through {@link UnifiedSocialCreditCode}.
     *
     * @throws InvalidValueException the rule of the kernel type the number was read as
     */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("id-number.blank");
        }
        String number = PersonalDataCipher.normaliseIdNumber(text);
        if (number.matches("\\d{15}|\\d{17}[0-9X]")) {
            try {
                return CitizenIdNumber.of(number).value();
            } catch (InvalidValueException notACitizen) {
                // an all-digit 统一社会信用代码 looks like a 公民身份号码
                if (number.length() == 18) {
                    try {
                        return UnifiedSocialCreditCode.of(number).value();
                    } catch (InvalidValueException ignored) {
                        // report it as the 公民身份号码 it looked like
                    }
                }
                throw notACitizen;
            }
        }
        if (number.length() != 18) {
            throw new InvalidValueException("id-number.length", number.length());
        }
        return UnifiedSocialCreditCode.of(number.toUpperCase(Locale.ROOT)).value();
    }
}
