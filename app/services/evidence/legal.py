"""The letters' legal text, per language, both complete."""

from __future__ import annotations

from typing import Any

# The letters' text, per language (legal wording is clearer written whole than in pieces).
# Placeholders: {platform}, {account}, {account_clause}, {days}, {deadline}, {date}...
LETTERS: dict[str, dict[str, Any]] = {
    "en": {
        "name_placeholder": "[Your name]",
        "address_placeholder": "[Your postal address]",
        "email_placeholder": "[Your e-mail address]",
        "account_line": "{platform} account: {account}",
        "account_placeholder": "[your account reference]",
        "account_clause": " under the account {account}",
        "dpo": "For the attention of the Data Protection Officer",
        "platform_address_placeholder": "[Postal address of the platform]",
        "place_date": "{date}",
        "subject_label": "Subject:",
        "signature_placeholder": "[Signature]",
        # demand
        "demand_subject": "Formal notice to pay — {platform} account {account}",
        "demand_delivery": "By registered post with proof of delivery",
        "demand_opening": "Dear Sir or Madam,",
        "demand_intro": (
            "I carry out paid tasks on {platform}{account_clause}. According to my records, "
            "kept day by day with the Clickwage journal, the following sums are due to me and "
            "have not been paid:"
        ),
        "amount_line": "– {label}: {amount}",
        "waiting_line": (
            "payout of {amount} requested on {date}, not received after {days} days{ref}"
        ),
        "reference_clause": " (reference {reference})",
        "withheld_line": "balance withheld since {date} ({event}){note}",
        "note_clause": " — “{note}”",
        "unpaid_line": (
            "approved earnings not yet paid out ({earned} earned according to my records, "
            "less {paid} paid out or requested)"
        ),
        "same_balance": (
            "; this is the same account balance as the withheld one and is not added to the total"
        ),
        "no_amount": (
            "[No unpaid amount was found in the ledger: list here each sum you claim, with "
            "its date and origin]"
        ),
        "total_line": "Total claimed: {total}.",
        "total_placeholder": "[total]",
        "demand_rest": [
            "I therefore formally demand that you pay this sum within {days} days, that is "
            "by {deadline} at the latest, by the payout method registered on my account.",
            "This letter is a formal notice to pay. If the sum has not been paid by that "
            "date, I will take the steps needed to recover it, including a claim before the "
            "competent court, without further notice; interest for late payment will also "
            "be claimed from the date of this notice where the applicable law provides for it.",
            "I also ask you to confirm in writing, before the same date, the amounts you "
            "acknowledge as due and the date on which you will pay them. A statement of my "
            "records is available on request.",
            "Yours faithfully,",
        ],
        # GDPR access
        "gdpr_subject": (
            "Request for access to my personal data and for data portability "
            "(GDPR, Articles 15 and 20) — {platform}"
        ),
        "gdpr_body": [
            "Dear Data Protection Officer,",
            "I use {platform}{account_clause}. Under Article 15 of Regulation (EU) 2016/679 "
            "(the General Data Protection Regulation, GDPR), I ask you to confirm whether you "
            "process personal data concerning me and, if so, to send me a copy of all of it, "
            "together with the information listed in Article 15(1):",
            "– the purposes of the processing and the categories of personal data concerned;\n"
            "– the recipients or categories of recipients to whom the data have been or will "
            "be disclosed;\n"
            "– the period for which the data will be stored or, if that is not possible, the "
            "criteria used to determine it;\n"
            "– where the data came from, for any data not collected from me;\n"
            "– the existence of automated decision-making, including profiling, referred to "
            "in Article 22(1) and (4), meaningful information about the logic involved, and "
            "the significance and the envisaged consequences of such processing for me "
            "(Article 15(1)(h)).",
            "My request covers in particular: the history of my tasks and submissions with "
            "their status, rewards and dates of approval or rejection; the reasons recorded "
            "for each rejection; any score, rating, quality, trust or fraud assessment "
            "concerning me; the history of my balance, payouts and withdrawal requests; and "
            "the records, messages and decisions concerning my account, including any "
            "restriction, suspension or closure.",
            "Under Article 20 GDPR, I also ask you to send me the personal data I have "
            "provided to you, including the data generated by my activity on the platform, "
            "in a structured, commonly used and machine-readable format such as CSV or JSON.",
            "Article 12(3) GDPR requires you to answer without undue delay and in any event "
            "within one month of receiving this request. That period may be extended only in "
            "the cases that Article provides for, and you must then inform me within the "
            "first month, giving the reasons. The copy must be provided free of charge "
            "(Articles 12(5) and 15(3)).",
            "To identify me, please use the account reference above and the e-mail address "
            "linked to my account. If I do not receive a complete answer in time, I may lodge "
            "a complaint with a supervisory authority under Article 77 GDPR.",
            "Yours faithfully,",
        ],
        # explanation of an automated decision
        "explanation_subject": (
            "Request for an explanation and a human review of an automated decision — {platform}"
        ),
        "explanation_delivery": "By registered post with proof of delivery",
        "explanation_opening": "Dear Sir or Madam,",
        "explanation_intro_one": (
            "I carry out paid tasks on {platform}{account_clause}. Your platform took the "
            "following decision concerning me:"
        ),
        "explanation_intro_many": (
            "I carry out paid tasks on {platform}{account_clause}. Your platform took the "
            "following decisions concerning me:"
        ),
        "decision_account_suspended": "– on {date}, my account was suspended{clause};",
        "decision_account_closed": "– on {date}, my account was closed{clause};",
        "decision_balance_withheld": "– on {date}, my balance was withheld{clause};",
        "holding_clause": ", while it held a balance of {amount}",
        "rejections_one": (
            "– one of my tasks was rejected on {last}, leaving {amount} of work unpaid:"
        ),
        "rejections_many": (
            "– {count} of my tasks were rejected between {first} and {last}, leaving {amount} "
            "of work unpaid; the most recent:"
        ),
        "rejection_item": "  • {date}, task {id}{title} ({reward}): {reason}",
        "title_clause": " “{title}”",
        "no_reason": "no reason given",
        "rejections_more": "  • and {count} more, listed in my records.",
        "no_decision": "[Describe the decision: what was decided, and when]",
        "explanation_rest_one": [
            "As far as I can tell, this decision was taken or supported by an automated "
            "monitoring or decision-making system.",
            "Under Article 22 of Regulation (EU) 2016/679 (GDPR), I have the right not to be "
            "subject to a decision based solely on automated processing which significantly "
            "affects me; where such a decision is allowed, Article 22(3) gives me the right "
            "to obtain human intervention on your part, to express my point of view and to "
            "contest the decision. I therefore ask that this decision be reviewed by a person "
            "with the authority to change it, and I contest it: [explain briefly why the "
            "decision is wrong].",
            "Under Article 15(1)(h) GDPR, I also ask for meaningful information about the "
            "logic involved in this decision, and about its significance and consequences "
            "for me.",
        ],
        "explanation_rest_many": [
            "As far as I can tell, these decisions were taken or supported by an automated "
            "monitoring or decision-making system.",
            "Under Article 22 of Regulation (EU) 2016/679 (GDPR), I have the right not to be "
            "subject to a decision based solely on automated processing which significantly "
            "affects me; where such a decision is allowed, Article 22(3) gives me the right "
            "to obtain human intervention on your part, to express my point of view and to "
            "contest the decision. I therefore ask that these decisions be reviewed by a "
            "person with the authority to change them, and I contest them: [explain briefly "
            "why the decisions are wrong].",
            "Under Article 15(1)(h) GDPR, I also ask for meaningful information about the "
            "logic involved in these decisions, and about their significance and consequences "
            "for me.",
        ],
        "directive_applies": (
            "Directive (EU) 2024/2831 of 23 October 2024 on improving working conditions in "
            "platform work, as transposed into national law, gives me further rights "
            "(Articles 9 to 11): information on the automated monitoring and decision-making "
            "systems and the main parameters they take into account (Article 9); a decision "
            "taken by a human being for any restriction, suspension or termination of my "
            "account (Article 10(5)); an explanation, a contact person to discuss the facts, "
            "circumstances and reasons for the decision, and a written statement of the "
            "reasons for any decision to refuse remuneration for work performed or to "
            "restrict, suspend or terminate my account (Article 11(1)); and a substantiated "
            "written reply to this request for review within two weeks (Article 11(2))."
        ),
        "directive_coming": (
            "Directive (EU) 2024/2831 of 23 October 2024 on improving working conditions in "
            "platform work, which the Member States must apply from 2 December 2026, confirms "
            "these rights (Articles 9 to 11): information on the automated monitoring and "
            "decision-making systems and the main parameters they take into account "
            "(Article 9); a decision taken by a human being for any restriction, suspension "
            "or termination of an account (Article 10(5)); an explanation, a contact person "
            "to discuss the facts, circumstances and reasons for the decision, and a written "
            "statement of the reasons for any decision to refuse remuneration for work "
            "performed or to restrict, suspend or terminate an account (Article 11(1)); and "
            "a substantiated written reply to a request for review within two weeks "
            "(Article 11(2))."
        ),
        "explanation_end": [
            "I ask you to reply in writing by {deadline} at the latest, and to give me the "
            "name of a person I can contact to discuss the facts, circumstances and reasons "
            "for the decision. Please also keep all data relating to it until this matter "
            "is settled.",
            "Yours faithfully,",
        ],
    },
    "fr": {
        "name_placeholder": "[Vos prénom et nom]",
        "address_placeholder": "[Votre adresse postale]",
        "email_placeholder": "[Votre adresse électronique]",
        "account_line": "Compte {platform}\u00a0: {account}",
        "account_placeholder": "[référence de votre compte]",
        "account_clause": " sous le compte {account}",
        "dpo": "À l'attention du délégué à la protection des données",
        "platform_address_placeholder": "[Adresse postale de la plateforme]",
        "place_date": "Le {date}",
        "subject_label": "Objet\u00a0:",
        "signature_placeholder": "[Signature]",
        # mise en demeure
        "demand_subject": "Mise en demeure de payer — compte {platform} {account}",
        "demand_delivery": "Lettre recommandée avec accusé de réception",
        "demand_opening": "Madame, Monsieur,",
        "demand_intro": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. D'après mes "
            "relevés, tenus au jour le jour avec le journal Clickwage, les sommes suivantes me "
            "sont dues et ne m'ont pas été versées\u00a0:"
        ),
        "amount_line": "– {label}\u00a0: {amount}",
        "waiting_line": ("retrait de {amount} demandé le {date}, non reçu après {days} jours{ref}"),
        "reference_clause": " (référence {reference})",
        "withheld_line": "solde retenu depuis le {date} ({event}){note}",
        "note_clause": " — «\u00a0{note}\u00a0»",
        "unpaid_line": (
            "gains validés non encore versés ({earned} gagnés d'après mes relevés, moins "
            "{paid} déjà versés ou demandés)"
        ),
        "same_balance": (
            "\u00a0; il s'agit du même solde que le solde retenu, qui n'est pas ajouté au total"
        ),
        "no_amount": (
            "[Aucune somme impayée n'a été trouvée dans le journal\u00a0: indiquez ici chaque "
            "somme réclamée, avec sa date et son origine]"
        ),
        "total_line": "Total réclamé\u00a0: {total}.",
        "total_placeholder": "[total]",
        "demand_rest": [
            "Par la présente, je vous mets en demeure, au sens de l'article 1344 du Code civil, "
            "de me régler cette somme dans un délai de {days} jours, soit au plus tard le "
            "{deadline}, par le moyen de paiement enregistré sur mon compte.",
            "Conformément à l'article 1344-1 du Code civil, la présente mise en demeure fait "
            "courir les intérêts moratoires au taux légal. À défaut de paiement dans ce délai, "
            "je saisirai la juridiction compétente afin d'obtenir le recouvrement de ces "
            "sommes, sans autre avertissement.",
            "Je vous demande également de me confirmer par écrit, avant cette date, les "
            "montants que vous reconnaissez devoir et la date à laquelle vous les verserez. "
            "Un relevé détaillé de mes enregistrements est disponible sur demande.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        ],
        # accès RGPD
        "gdpr_subject": (
            "Demande d'accès à mes données personnelles et de portabilité "
            "(articles 15 et 20 du RGPD) — {platform}"
        ),
        "gdpr_body": [
            "Madame, Monsieur le délégué à la protection des données,",
            "J'utilise {platform}{account_clause}. En application de l'article 15 du "
            "règlement (UE) 2016/679 du 27 avril 2016 (règlement général sur la protection des "
            "données, RGPD), je vous demande de me confirmer si vous traitez des données "
            "personnelles me concernant et, le cas échéant, de m'en communiquer une copie "
            "complète, accompagnée des informations prévues à l'article 15, paragraphe 1\u00a0:",
            "– les finalités du traitement et les catégories de données concernées\u00a0;\n"
            "– les destinataires ou catégories de destinataires auxquels les données ont été "
            "ou seront communiquées\u00a0;\n"
            "– la durée de conservation des données ou, lorsque ce n'est pas possible, les "
            "critères utilisés pour la déterminer\u00a0;\n"
            "– la source des données, lorsqu'elles n'ont pas été collectées auprès de moi\u00a0;\n"
            "– l'existence d'une prise de décision automatisée, y compris un profilage, visée "
            "à l'article 22, paragraphes 1 et 4, des informations utiles concernant la logique "
            "sous-jacente, ainsi que l'importance et les conséquences prévues de ce traitement "
            "pour moi (article 15, paragraphe 1, point h).",
            "Ma demande porte notamment sur\u00a0: l'historique de mes tâches et soumissions "
            "avec leur statut, leur rémunération et les dates d'acceptation ou de rejet\u00a0; "
            "les motifs enregistrés pour chaque rejet\u00a0; toute note, évaluation ou "
            "appréciation de qualité, de confiance ou de fraude me concernant\u00a0; "
            "l'historique de mon solde, de mes paiements et de mes demandes de retrait\u00a0; "
            "les enregistrements, messages et décisions relatifs à mon compte, y compris toute "
            "restriction, suspension ou fermeture.",
            "En application de l'article 20 du RGPD, je vous demande également de me "
            "transmettre les données personnelles que je vous ai fournies, y compris celles "
            "générées par mon activité sur la plateforme, dans un format structuré, couramment "
            "utilisé et lisible par machine, tel que CSV ou JSON.",
            "L'article 12, paragraphe 3, du RGPD vous impose de répondre dans les meilleurs "
            "délais et en tout état de cause dans un délai d'un mois à compter de la réception "
            "de la présente demande. Ce délai ne peut être prolongé que dans les cas prévus "
            "par cet article, et vous devez alors m'en informer dans le premier mois, en "
            "m'indiquant les motifs. La copie doit m'être fournie gratuitement (articles 12, "
            "paragraphe 5, et 15, paragraphe 3).",
            "Pour m'identifier, vous pouvez utiliser la référence de compte indiquée "
            "ci-dessus et l'adresse électronique associée à mon compte. À défaut de réponse "
            "complète dans ce délai, je pourrai introduire une réclamation auprès de la "
            "Commission nationale de l'informatique et des libertés (CNIL), en application de "
            "l'article 77 du RGPD.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        ],
        # explication d'une décision automatisée
        "explanation_subject": (
            "Demande d'explication et de réexamen humain d'une décision automatisée — {platform}"
        ),
        "explanation_delivery": "Lettre recommandée avec accusé de réception",
        "explanation_opening": "Madame, Monsieur,",
        "explanation_intro_one": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. Votre plateforme "
            "a pris à mon égard la décision suivante\u00a0:"
        ),
        "explanation_intro_many": (
            "J'effectue des tâches rémunérées sur {platform}{account_clause}. Votre plateforme "
            "a pris à mon égard les décisions suivantes\u00a0:"
        ),
        "decision_account_suspended": "– le {date}, mon compte a été suspendu{clause}\u00a0;",
        "decision_account_closed": "– le {date}, mon compte a été fermé{clause}\u00a0;",
        "decision_balance_withheld": "– le {date}, mon solde a été bloqué{clause}\u00a0;",
        "holding_clause": ", alors qu'il présentait un solde de {amount}",
        "rejections_one": (
            "– une de mes tâches a été rejetée le {last}, soit {amount} de travail non payé\u00a0:"
        ),
        "rejections_many": (
            "– {count} de mes tâches ont été rejetées entre le {first} et le {last}, soit "
            "{amount} de travail non payé\u00a0; les plus récentes\u00a0:"
        ),
        "rejection_item": "  • {date}, tâche {id}{title} ({reward})\u00a0: {reason}",
        "title_clause": " «\u00a0{title}\u00a0»",
        "no_reason": "aucun motif donné",
        "rejections_more": "  • et {count} autres, figurant dans mes relevés.",
        "no_decision": "[Décrivez la décision\u00a0: ce qui a été décidé, et quand]",
        "explanation_rest_one": [
            "À ma connaissance, cette décision a été prise ou appuyée par un système "
            "automatisé de surveillance ou de prise de décision.",
            "L'article 22 du règlement (UE) 2016/679 (RGPD) me donne le droit de ne pas faire "
            "l'objet d'une décision fondée exclusivement sur un traitement automatisé qui "
            "m'affecte de manière significative\u00a0; lorsqu'une telle décision est permise, "
            "l'article 22, paragraphe 3, me garantit le droit d'obtenir une intervention "
            "humaine de votre part, d'exprimer mon point de vue et de contester la décision. "
            "Je vous demande donc le réexamen de cette décision par une personne ayant le "
            "pouvoir de la modifier, et je la conteste\u00a0: [expliquez brièvement pourquoi "
            "la décision est erronée].",
            "En application de l'article 15, paragraphe 1, point h), du RGPD, je vous demande "
            "également des informations utiles concernant la logique sous-jacente à cette "
            "décision, ainsi que son importance et ses conséquences pour moi.",
        ],
        "explanation_rest_many": [
            "À ma connaissance, ces décisions ont été prises ou appuyées par un système "
            "automatisé de surveillance ou de prise de décision.",
            "L'article 22 du règlement (UE) 2016/679 (RGPD) me donne le droit de ne pas faire "
            "l'objet d'une décision fondée exclusivement sur un traitement automatisé qui "
            "m'affecte de manière significative\u00a0; lorsqu'une telle décision est permise, "
            "l'article 22, paragraphe 3, me garantit le droit d'obtenir une intervention "
            "humaine de votre part, d'exprimer mon point de vue et de contester la décision. "
            "Je vous demande donc le réexamen de ces décisions par une personne ayant le "
            "pouvoir de les modifier, et je les conteste\u00a0: [expliquez brièvement pourquoi "
            "les décisions sont erronées].",
            "En application de l'article 15, paragraphe 1, point h), du RGPD, je vous demande "
            "également des informations utiles concernant la logique sous-jacente à ces "
            "décisions, ainsi que leur importance et leurs conséquences pour moi.",
        ],
        "directive_applies": (
            "La directive (UE) 2024/2831 du 23 octobre 2024 relative à l'amélioration des "
            "conditions de travail dans le cadre du travail via une plateforme, telle que "
            "transposée en droit national, me reconnaît en outre (articles 9 à 11)\u00a0: une "
            "information sur les systèmes automatisés de surveillance et de prise de décision "
            "et les principaux paramètres qu'ils prennent en compte (article 9)\u00a0; une "
            "décision prise par un être humain pour toute restriction, suspension ou "
            "résiliation de mon compte (article 10, paragraphe 5)\u00a0; une explication, une "
            "personne de contact pour discuter des faits, des circonstances et des motifs de "
            "la décision, et une motivation écrite de toute décision de refuser la "
            "rémunération d'un travail effectué ou de restreindre, suspendre ou résilier mon "
            "compte (article 11, paragraphe 1)\u00a0; enfin une réponse écrite et motivée à la "
            "présente demande de réexamen dans un délai de deux semaines (article 11, "
            "paragraphe 2)."
        ),
        "directive_coming": (
            "La directive (UE) 2024/2831 du 23 octobre 2024 relative à l'amélioration des "
            "conditions de travail dans le cadre du travail via une plateforme, que les États "
            "membres doivent appliquer à partir du 2 décembre 2026, confirme ces droits "
            "(articles 9 à 11)\u00a0: une information sur les systèmes automatisés de "
            "surveillance et de prise de décision et les principaux paramètres qu'ils prennent "
            "en compte (article 9)\u00a0; une décision prise par un être humain pour toute "
            "restriction, suspension ou résiliation d'un compte (article 10, paragraphe 5)\u00a0;"
            " une explication, une personne de contact pour discuter des faits, des "
            "circonstances et des motifs de la décision, et une motivation écrite de toute "
            "décision de refuser la rémunération d'un travail effectué ou de restreindre, "
            "suspendre ou résilier un compte (article 11, paragraphe 1)\u00a0; enfin une réponse "
            "écrite et motivée à une demande de réexamen dans un délai de deux semaines "
            "(article 11, paragraphe 2)."
        ),
        "explanation_end": [
            "Je vous demande de me répondre par écrit au plus tard le {deadline}, et de "
            "m'indiquer le nom d'une personne à contacter pour discuter des faits, des "
            "circonstances et des motifs de la décision. Je vous demande également de "
            "conserver toutes les données qui s'y rapportent jusqu'au règlement de ce litige.",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
        ],
    },
}
