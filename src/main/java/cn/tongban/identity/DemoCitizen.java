package cn.tongban.identity;

import cn.tongban.kernel.CitizenIdNumber;

/**
 * The demo citizen (demo mode only, password {@code demo}): signs in with this ID number and sees who accessed the
 * records of the demo home registered to them. Their family, as 民政 and 公安 share it in the demo: a wife, who owns
 * that home with them and a second one herself, and a son who is a minor — so that 住房套数 counts the family's two
 * homes (the joint one once).
 */
public final class DemoCitizen {

    public static final String ID_NUMBER = CitizenIdNumber.withCheckCharacter("32040219850314231").value();
    public static final String NAME = "王建国";
    public static final String SPOUSE_ID_NUMBER = CitizenIdNumber.withCheckCharacter("32040219870621242").value();
    public static final String SPOUSE_NAME = "李秀英";
    public static final String CHILD_ID_NUMBER = CitizenIdNumber.withCheckCharacter("32040220150601231").value();
    public static final String CHILD_NAME = "王子轩";

    private DemoCitizen() {
    }
}
