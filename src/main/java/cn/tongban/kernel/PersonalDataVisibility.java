package cn.tongban.kernel;

/** Whether the caller of the current request may see personal data unmasked; the identity module decides. */
public interface PersonalDataVisibility {

    boolean showsFull();
}
