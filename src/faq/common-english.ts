/** Ordinary words that are not typos of ours, whatever they resemble ("score" is not "scope"). */
export const COMMON_ENGLISH: ReadonlySet<string> = new Set(
  (
    'hello there thanks thank please sorry could would should about after again always where which while their ' +
    'these those other score scores world money price train training course courses class classes study ' +
    'exams result results today tomorrow weather recipe movie music sport sports games phone email address ' +
    'register registration deadline people house place point points right small large great first second third ' +
    'sells sell buy buying cheap flights flight hotel hotels ticket tickets travel city cities country countries ' +
    'water food foods drink drinks coffee dinner lunch breakfast cooking cook cooks chicken pizza apple apples ' +
    'happy funny story stories joke jokes night morning evening afternoon weekend month months years year ' +
    'school schools teacher teachers student students learn learning teach book books write writing read reading ' +
    'house homes family friend friends child children woman women water earth space river mountain ocean ' +
    'computer laptop mobile phones internet network video videos photo photos picture pictures camera ' +
    'health doctor hospital medicine money salary bank banks stock stocks market markets business office ' +
    'president capital population history science maths physics english chinese french germany france japan ' +
    'china beijing shanghai london paris america american football soccer basket basketball tennis player ' +
    'quick quickly really maybe never every thing things think something nothing everything anything ' +
    'going doing being having making taking giving looking coming asking trying using ' +
    'great better worse worst nicer best good bad large small short tall young older elder ' +
    'wonder wonderful beautiful lovely pretty today tonight yesterday later early still since until'
  ).split(' '),
);
