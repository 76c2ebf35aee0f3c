package cn.tongban.restriction;

import java.util.Locale;

import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** The ID number of a person (公民身份号码) or of a company (统一社会信用代码), as the dishonest-debtor list knows them. */
final class IdNumbers {

    private IdNumbers() {
    }

    /**
     * The number normalised for its blind index: a 15- or 18-digit 公民身份号码 through {@link CitizenIdNumber}
     * (15 digits upgraded), anything else of 18 characters through {@link UnifiedSocialCreditCode}.
     *
     * @throws InvalidValueException the rule of the kernel type the number was read as
     */
    static String normalise(String text) {
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
