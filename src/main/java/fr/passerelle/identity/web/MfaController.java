package fr.passerelle.identity.web;

import fr.passerelle.identity.PasserelleUser;
import fr.passerelle.identity.internal.MfaService;
import fr.passerelle.identity.internal.SignInFlow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor: enrolment (QR code, confirmation, recovery codes shown once) and the
 * one-time password asked at each sign-in. Reachable only between password and full sign-in.
 */
@Controller
class MfaController {

    private static final String PENDING_SECRET = "passerelle.mfa.pendingSecret";
    private static final String RECOVERY_CODES = "passerelle.mfa.recoveryCodes";

    private final MfaService mfa;
    private final SignInFlow signIn;

    MfaController(MfaService mfa, SignInFlow signIn) {
        this.mfa = mfa;
        this.signIn = signIn;
    }

    @GetMapping("/mfa/enrol")
    String enrol(@AuthenticationPrincipal PasserelleUser user, HttpSession session, Model model) {
        if (user.mfaEnrolled()) {
            return "redirect:/mfa/verify";
        }
        MfaService.Enrolment enrolment = mfa.newEnrolment(user);
        session.setAttribute(PENDING_SECRET, enrolment.secret());
        model.addAttribute("enrolment", enrolment);
        return "mfa/enrol";
    }

    @PostMapping("/mfa/enrol")
    String confirmEnrolment(@AuthenticationPrincipal PasserelleUser user, @RequestParam(defaultValue = "") String code,
            HttpSession session, HttpServletRequest request, HttpServletResponse response, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (user.mfaEnrolled() || secret == null) {
            return "redirect:/mfa/enrol";
        }
        List<String> codes = mfa.confirmEnrolment(user, secret, code);
        if (codes.isEmpty()) {
            signIn.auditAttempt(user.getUsername(), "mfa.enrolment_failure");
            model.addAttribute("enrolment", new MfaService.Enrolment(secret, mfa.qrFor(user, secret)));
            model.addAttribute("codeError", true);
            return "mfa/enrol";
        }
        signIn.renewPending(user, request, response);
        session.removeAttribute(PENDING_SECRET);
        session.setAttribute(RECOVERY_CODES, codes);
        return "redirect:/mfa/recovery-codes";
    }

    @GetMapping("/mfa/recovery-codes")
    String recoveryCodes(HttpSession session, Model model) {
        Object codes = session.getAttribute(RECOVERY_CODES);
        if (codes == null) {
            return "redirect:/mfa/verify";
        }
        model.addAttribute("codes", codes);
        return "mfa/recovery-codes";
    }

    /** After the recovery codes were shown once, the enrolment is complete: sign in. */
    @PostMapping("/mfa/recovery-codes")
    void recoveryCodesNoted(@AuthenticationPrincipal PasserelleUser user, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        if (session.getAttribute(RECOVERY_CODES) == null) {
            response.sendRedirect(request.getContextPath() + "/mfa/verify");
            return;
        }
        session.removeAttribute(RECOVERY_CODES);
        signIn.complete(user, request, response, "totp-enrolment");
    }

    @GetMapping("/mfa/verify")
    String verifyForm(@AuthenticationPrincipal PasserelleUser user) {
        return user.mfaEnrolled() ? "mfa/verify" : "redirect:/mfa/enrol";
    }

    @PostMapping("/mfa/verify")
    String verify(@AuthenticationPrincipal PasserelleUser user, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        long wait = signIn.remainingWaitSeconds(request, user.getUsername());
        if (wait > 0) {
            model.addAttribute("throttledSeconds", wait);
            return "mfa/verify";
        }
        if (user.mfaEnrolled() && mfa.verify(user, code)) {
            signIn.complete(user, request, response, "totp");
            return null;
        }
        signIn.recordMfaFailure(user, request);
        model.addAttribute("codeError", true);
        return "mfa/verify";
    }
}
